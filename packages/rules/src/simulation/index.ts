/**
 * The validation simulations of issue 18, kept out of the rules' main entry:
 * they are measuring instruments (`pnpm simulate`, their tests), not rules the
 * product applies.
 */
export * from "./forecast-simulation";
export * from "./random";
export * from "./signals-suite";
