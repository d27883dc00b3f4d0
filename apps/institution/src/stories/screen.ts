import { type ApiFixtures, type FixtureCall, Screen } from "@sos/web/storybook";
import type { Meta } from "@storybook/react-vite";
import { INSTITUTION_APP } from "../app";
import { INSTITUTION_USER, STORY_NOW } from "./fixtures";

interface ScreenMetaOptions {
  /** The in-app address, e.g. "/requests/…" (the app's basename left out). */
  path: string;
  /** The server's answers for the screen's stories, unless a story gives its own. */
  api: ApiFixtures;
  /** Puts back what a story may have changed (a stored record), before each story. */
  beforeEach?: () => void;
}

/**
 * What every screen story's meta shares: the institution app on a phone, signed in as
 * the story institution's staff member, with `args.calls` recording the screen's calls
 * afresh for each story. The title stays in the story file, where Storybook reads it.
 */
export function screenMeta({ path, api, beforeEach }: ScreenMetaOptions) {
  return {
    component: Screen,
    parameters: { layout: "fullscreen", clock: STORY_NOW },
    globals: { viewport: { value: "phone" } },
    args: { app: INSTITUTION_APP, path, user: INSTITUTION_USER, api, calls: [] as FixtureCall[] },
    beforeEach: ({ args }) => {
      args.calls?.splice(0);
      beforeEach?.();
    },
  } satisfies Partial<Meta<typeof Screen>>;
}
