import { describe, expect, it } from "vitest";
import { flashOf } from "../src/requests/flash";
import { LIST_VIEWS, listViewOf } from "../src/requests/list-views";

describe("listViewOf", () => {
  it.each(LIST_VIEWS)("reads ?view=%s", (view) => {
    expect(listViewOf(view)).toBe(view);
  });

  it.each([null, "", "ALL", "recent ", "active;drop"])("falls back to すべて for %j", (value) => {
    expect(listViewOf(value)).toBe("all");
  });
});

describe("flashOf", () => {
  it("reads what the previous page confirmed", () => {
    expect(flashOf({ flash: "created" })).toBe("created");
    expect(flashOf({ flash: "saved" })).toBe("saved");
  });

  it.each([null, undefined, "saved", {}, { flash: "applied" }, { sosKeepFocus: true }])(
    "ignores %j",
    (state) => {
      expect(flashOf(state)).toBeNull();
    },
  );
});
