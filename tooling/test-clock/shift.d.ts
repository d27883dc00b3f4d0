export declare function realNow(): number;
export declare function shiftClockBy(offsetMs: number): void;
export declare function shiftClockTo(instant: Date | string | number): void;
export declare function restoreClock(): void;
