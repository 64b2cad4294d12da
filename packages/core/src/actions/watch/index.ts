export {
  safeWatchCvmState,
  type WatchCvmStateArgs,
  type WatchCvmStateOptions,
  watchCvmState,
} from "./watch-cvm-state";
