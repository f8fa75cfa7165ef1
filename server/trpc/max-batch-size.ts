/**
 * The most calls one batched request may carry; a larger batch is refused (400) before any procedure runs. The client's
 * link sends at most this many. Its own module, so the browser's client takes this number and nothing of the server.
 */
export const MAX_BATCH_SIZE = 20;
