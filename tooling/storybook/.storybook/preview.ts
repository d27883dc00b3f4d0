import type { Preview } from "@storybook/react-vite";
import "@sos/ui/styles.css";

// Stories render as Japanese pages; screen readers and line breaking depend on it.
document.documentElement.lang = "ja";

const preview: Preview = {
  parameters: {
    layout: "padded",
    controls: { expanded: true },
    viewport: {
      options: {
        phone: { name: "スマートフォン（375px）", styles: { width: "375px", height: "812px" } },
        tablet: { name: "タブレット（768px）", styles: { width: "768px", height: "1024px" } },
      },
    },
  },
};

export default preview;
