export * from "./catalog";
export * from "./inventory";
export * from "./users";
export * from "./cart";
export * from "./orders";
export * from "./payments";
export * from "./outbox";
export * from "./notifications";
