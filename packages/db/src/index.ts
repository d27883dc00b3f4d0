export * from "./audit";
export * from "./connect";
export * from "./embedded";
export * from "./jobs";
export * from "./maintenance";
export * from "./migrate";
export * from "./outbox";
export type * from "./schema";
export * from "./sign-in-alerts";
