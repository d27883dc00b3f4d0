// Runs before every test file, in Node and in the test browser alike.
import { inject } from "vitest";
import { shiftClockBy } from "./shift.js";

shiftClockBy(inject("testClockOffsetMs") ?? 0);
