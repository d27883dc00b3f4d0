import { describe, expect, it } from "vitest";
import { buttonClassName } from "./button-class";

describe("buttonClassName", () => {
  it("defaults to a medium primary button", () => {
    expect(buttonClassName()).toBe("sos-button sos-button--primary sos-button--medium");
  });

  it("adds the variant, size, full width and the caller's class", () => {
    expect(
      buttonClassName({ variant: "danger", size: "large", fullWidth: true, className: "mine" }),
    ).toBe("sos-button sos-button--danger sos-button--large sos-button--full mine");
  });
});
