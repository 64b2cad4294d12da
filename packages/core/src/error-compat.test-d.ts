import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "./action";
import { safeGetCvmInfo } from "./actions";
import { createBaseClient } from "./client";
import {
  AuthError,
  BusinessError,
  formatErrorMessage,
  formatStructuredError,
  formatValidationErrors,
  isAuthError,
  isResourceError,
  isValidationError,
  RequestError,
  ResourceError,
  type SafeError,
  ServerError,
  UnknownError,
  ValidationError,
} from "./error-compat";
import type {
  APIError,
  ApiErrorDetailItem,
  ApiErrorLink,
  AuthenticationError,
  FieldValidationError,
  NotFoundError,
  PhalaCloudError,
  UnprocessableEntityError,
} from "./errors";

declare const error: unknown;

describe("instanceof narrows to the documented classes", () => {
  it("ValidationError: validationErrors", () => {
    if (error instanceof ValidationError) {
      expectTypeOf(error).toEqualTypeOf<ValidationError>();
      expectTypeOf(error).toMatchTypeOf<UnprocessableEntityError>();
      expectTypeOf(error.validationErrors).toEqualTypeOf<FieldValidationError[]>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    }
  });

  it("AuthError, BusinessError, ServerError: an APIError", () => {
    if (error instanceof AuthError) {
      expectTypeOf(error).toEqualTypeOf<AuthError>();
      expectTypeOf(error).toMatchTypeOf<APIError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    }
    if (error instanceof BusinessError) expectTypeOf(error).toMatchTypeOf<APIError>();
    if (error instanceof ServerError) expectTypeOf(error).toMatchTypeOf<APIError>();
  });

  it("ResourceError: errorCode, suggestions, links, details", () => {
    if (error instanceof ResourceError) {
      expectTypeOf(error).toMatchTypeOf<BusinessError>();
      expectTypeOf(error.errorCode).toEqualTypeOf<string>();
      expectTypeOf(error.suggestions).toEqualTypeOf<string[]>();
      expectTypeOf(error.links).toEqualTypeOf<ApiErrorLink[]>();
      expectTypeOf(error.detail.message).toEqualTypeOf<string>();
      expectTypeOf(error.detail.details).toEqualTypeOf<ApiErrorDetailItem[] | undefined>();
      // The docs' example compiles as written.
      error.suggestions?.forEach((s) => {
        expectTypeOf(s).toEqualTypeOf<string>();
      });
    }
  });

  it("UnknownError and RequestError: a PhalaCloudError", () => {
    if (error instanceof UnknownError) expectTypeOf(error).toMatchTypeOf<PhalaCloudError>();
    if (error instanceof RequestError) expectTypeOf(error).toMatchTypeOf<PhalaCloudError>();
  });

  it("today's classes keep their types, both ways", () => {
    const auth = {} as AuthenticationError;
    if (auth instanceof AuthError) {
      expectTypeOf(auth).toMatchTypeOf<AuthenticationError>();
      expectTypeOf(auth).toMatchTypeOf<AuthError>();
    } else {
      // A coded 401 is not an AuthError: the else branch is not `never`.
      expectTypeOf(auth).toEqualTypeOf<AuthenticationError>();
    }
    const unprocessable = {} as UnprocessableEntityError;
    if (!(unprocessable instanceof ValidationError)) {
      expectTypeOf(unprocessable).toEqualTypeOf<UnprocessableEntityError>();
    }
    const business = {} as BusinessError;
    if (!(business instanceof ResourceError)) {
      expectTypeOf(business).toEqualTypeOf<BusinessError>();
    }
  });

  it("the five categories do not overlap", () => {
    expectTypeOf<ValidationError & AuthError>().toBeNever();
    expectTypeOf<AuthError & BusinessError>().toBeNever();
    expectTypeOf<ServerError & UnknownError>().toBeNever();
    expectTypeOf<ResourceError & AuthError>().toBeNever();
    // RequestError cuts across them (a failed connection is also an UnknownError).
    expectTypeOf<UnknownError & RequestError>().not.toBeNever();
    expectTypeOf<NotFoundError & BusinessError>().not.toBeNever();
  });

  it("the docs' chain narrows each branch", () => {
    if (error instanceof ResourceError) {
      expectTypeOf(error.errorCode).toEqualTypeOf<string>();
    } else if (error instanceof ValidationError) {
      expectTypeOf(error.validationErrors).toEqualTypeOf<FieldValidationError[]>();
    } else if (error instanceof AuthError) {
      expectTypeOf(error.message).toEqualTypeOf<string>();
    }
  });

  it("the documented classes are not built by hand", () => {
    // @ts-expect-error abstract: only a request creates errors
    new AuthError({ status: 401, body: undefined });
  });
});

describe("is* functions", () => {
  it("narrow like instanceof", () => {
    if (isValidationError(error)) {
      expectTypeOf(error.validationErrors).toEqualTypeOf<FieldValidationError[]>();
    }
    if (isAuthError(error)) expectTypeOf(error).toEqualTypeOf<AuthError>();
    if (isResourceError(error)) expectTypeOf(error.errorCode).toEqualTypeOf<string>();
  });
});

describe("safe results", () => {
  it("SafeError is the error of a failed safe result", () => {
    expectTypeOf<SafeError>().toEqualTypeOf<PhalaCloudError>();
    type Failed = Extract<SafeResult<number>, { success: false }>;
    expectTypeOf<Failed["error"]>().toEqualTypeOf<SafeError>();
  });

  it("the docs' safe example compiles", async () => {
    const client = createBaseClient({ apiKey: "k" });
    const result = await safeGetCvmInfo(client, { id: "cvm_1" });
    if (!result.success) {
      expectTypeOf(result.error).toEqualTypeOf<SafeError>();
      if (result.error instanceof ValidationError) {
        result.error.validationErrors.forEach((e) => {
          expectTypeOf(e.field).toEqualTypeOf<string>();
          expectTypeOf(e.message).toEqualTypeOf<string>();
        });
      }
    }
  });
});

describe("formatters", () => {
  it("take this SDK's errors", () => {
    const validation = {} as ValidationError;
    expectTypeOf(
      formatValidationErrors(validation.validationErrors, { numbered: false }),
    ).toEqualTypeOf<string>();
    expectTypeOf(formatErrorMessage).parameter(0).toEqualTypeOf<PhalaCloudError>();
    expectTypeOf(formatStructuredError).toBeCallableWith({} as ResourceError, { showLinks: false });
    expectTypeOf(formatStructuredError).toBeCallableWith({} as PhalaCloudError);
    // @ts-expect-error not an option
    formatErrorMessage({} as PhalaCloudError, { showCode: true });
  });
});

describe("SafeResult's error type", () => {
  it("defaults to SafeError (PhalaCloudError) and takes a narrower one", () => {
    expectTypeOf<
      Extract<SafeResult<number>, { success: false }>["error"]
    >().toEqualTypeOf<SafeError>();
    expectTypeOf<
      Extract<SafeResult<number, AuthError>, { success: false }>["error"]
    >().toEqualTypeOf<AuthError>();
  });
});
