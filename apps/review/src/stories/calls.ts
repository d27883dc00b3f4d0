import type { FixtureCall } from "@sos/web/storybook";
import type { StoryContext } from "@storybook/react-vite";

/** The record the meta's loader made for this render of the story. */
export function callsIn(loaded: Record<string, unknown>): FixtureCall[] {
  const calls = loaded.calls;
  if (!Array.isArray(calls)) throw new Error("SCREEN_META の loaders がありません");
  return calls as FixtureCall[];
}

/** The calls the screen made, in order. */
export function callsOf(context: Pick<StoryContext, "loaded">): readonly FixtureCall[] {
  return callsIn(context.loaded);
}

/** The inputs `path` was called with, in order (e.g. "review.approve"). */
export function inputsOf(calls: readonly FixtureCall[], path: string): unknown[] {
  return calls.filter((call) => call.path === path).map((call) => call.input);
}

/** How many times `path` has been called so far, the current call included. */
export function countOf(calls: readonly FixtureCall[], path: string): number {
  return calls.filter((call) => call.path === path).length;
}
