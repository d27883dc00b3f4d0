import type { SignedInUser } from "@sos/web";
import { type ApiFixtures, type FixtureCall, Screen } from "@sos/web/storybook";
import type { Meta } from "@storybook/react-vite";
import { REVIEW_APP } from "../app";
import { callsIn } from "./calls";
import { STORY_NOW } from "./round";

export interface ReviewScreenProps {
  /** The in-app address, e.g. "/requests/…" (the /review basename left out). */
  path: string;
  user: SignedInUser | null;
  api?: ApiFixtures;
  /**
   * Answers that change as the story goes on (a retry that succeeds, a reload that
   * finds someone else's save): handlers that look at the calls made so far.
   */
  live?: ((calls: readonly FixtureCall[]) => ApiFixtures) | undefined;
  /** Filled by the meta's loader: a fresh record for every render of the story. */
  calls?: FixtureCall[];
}

/** The review console at `path`, with the server replaced by the story's fixtures. */
export function ReviewScreen({ path, user, api = {}, live, calls = [] }: ReviewScreenProps) {
  const fixtures = live === undefined ? api : mergeApi(api, live(calls));
  return <Screen app={REVIEW_APP} path={path} user={user} api={fixtures} calls={calls} />;
}

/**
 * What every screen story's meta shares. The calls are made in a loader rather
 * than kept in args, so revisiting a story in Storybook starts a new record.
 */
export const SCREEN_META = {
  component: ReviewScreen,
  parameters: { layout: "fullscreen", clock: STORY_NOW },
  loaders: [() => ({ calls: [] as FixtureCall[] })],
  render: (args, { loaded }) => <ReviewScreen {...args} calls={callsIn(loaded)} />,
} satisfies Partial<Meta<typeof ReviewScreen>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mergeNode(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = key in base ? mergeNode(base[key], value) : value;
  }
  return merged;
}

/** Fixtures with some procedures replaced: `{ review: { get } }` keeps review's other answers. */
export function mergeApi(...parts: ApiFixtures[]): ApiFixtures {
  return parts.reduce<ApiFixtures>((merged, part) => mergeNode(merged, part) as ApiFixtures, {});
}
