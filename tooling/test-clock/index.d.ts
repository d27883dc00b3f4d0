export declare const TEST_CLOCK_ENV: "SOS_TEST_CLOCK_OFFSET";
export declare function parseClockOffset(spec: string | undefined, from?: number): number;
export declare function testClockOffsetMs(env?: Record<string, string | undefined>): number;
export declare function testClockConfig(): {
  setupFiles: string[];
  provide: { testClockOffsetMs: number };
};

declare module "vitest" {
  export interface ProvidedContext {
    testClockOffsetMs: number;
  }
}
