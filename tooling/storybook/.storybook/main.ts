import type { StorybookConfig } from "@storybook/react-vite";

// One Storybook for the whole product: the shared components and every app's key screens.
const config: StorybookConfig = {
  stories: [
    { directory: "../../../packages/ui/src", titlePrefix: "部品" },
    { directory: "../../../packages/web/src", titlePrefix: "画面/共通" },
    {
      directory: "../../../apps/institution/src",
      files: "**/!(*.parts).stories.tsx",
      titlePrefix: "画面/医療機関",
    },
    // A component used by one app lives beside its page, its stories still under 部品.
    {
      directory: "../../../apps/institution/src",
      files: "**/*.parts.stories.tsx",
      titlePrefix: "部品",
    },
    // The review app's stories carry their whole title: its pages are screens (画面/審査/…),
    // the components beside them keep the 部品/審査/… titles they had in packages/ui.
    { directory: "../../../apps/review/src" },
    {
      directory: "../../../apps/vendor-portal/src",
      files: "**/!(*.parts).stories.tsx",
      titlePrefix: "画面/販売業者",
    },
    // Parts that live beside the one app that uses them keep their place under 部品.
    {
      directory: "../../../apps/vendor-portal/src",
      files: "**/*.parts.stories.tsx",
      titlePrefix: "部品",
    },
  ],
  addons: ["@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
