import { restoreClock, shiftClockTo } from "@sos/test-clock/shift";
import { preloadDeclaredPages } from "@sos/web/storybook";
import type { Preview } from "@storybook/react-vite";
import { configure } from "storybook/test";
import "@sos/ui/styles.css";

// A screen story waits on lazy routes and fixture answers; on a busy 2-core machine that
// can take longer than Testing Library's 1 s default, and a timeout there is no finding.
configure({ asyncUtilTimeout: 5000 });

// Stories render as Japanese pages; screen readers and line breaking depend on it.
document.documentElement.lang = "ja";

/**
 * The instant a story is set in, unless it names its own (`parameters.clock`): the
 * fixtures describe a week in late 2026, and a screen that reads the clock (a
 * countdown, "this week", today's date in a form) must read that week, not today.
 */
const STORY_CLOCK = "2026-11-26T10:30:00+09:00";

const preview: Preview = {
  // The apps' pages are lazy routes: their code is fetched before the story renders,
  // not while its play function waits for the next page.
  loaders: [
    async () => {
      await preloadDeclaredPages();
      return {};
    },
  ],
  // The clock ticks on from the story's instant; the next story sets its own. Drafts a
  // story typed (the institution forms keep them in localStorage) must not reach the next.
  beforeEach: ({ parameters }) => {
    localStorage.clear();
    shiftClockTo(typeof parameters.clock === "string" ? parameters.clock : STORY_CLOCK);
    return restoreClock;
  },
  parameters: {
    layout: "padded",
    controls: { expanded: true },
    viewport: {
      options: {
        phone: { name: "スマートフォン（375px）", styles: { width: "375px", height: "812px" } },
        tablet: { name: "タブレット（768px）", styles: { width: "768px", height: "1024px" } },
        desktop: { name: "デスクトップ（1024px）", styles: { width: "1024px", height: "768px" } },
        wide: { name: "デスクトップ（1440px）", styles: { width: "1440px", height: "900px" } },
      },
    },
  },
};

export default preview;
