/** A call's result with the HTTP response it came from. */
export interface WithResponse<T> {
  data: T;
  /** The final response (after redirects). Its body has been read: use its status and headers. */
  response: Response;
  /** The server's `x-request-id`, to quote to support. */
  requestId: string | undefined;
}

/**
 * What an action returns: a promise of the data, plus `.withResponse()` for the
 * raw response and request id. The request starts when the action is called,
 * whichever form is awaited.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #source: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(source: Promise<WithResponse<T>>) {
    super((resolve) => {
      // Settled at once and never used: `then` reads `#source` instead.
      resolve(null as T);
    });
    this.#source = source;
  }

  // `then` on a plain promise made from this one must not call the constructor above.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The data with the response it came from and the server's request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#source;
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#source.then((result) => result.data);
    return this.#data;
  }

  // `catch` and `finally` need no override: Promise's own call `this.then`.
  // biome-ignore lint/suspicious/noThenProperty: a promise subclass is a thenable by design
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }
}
