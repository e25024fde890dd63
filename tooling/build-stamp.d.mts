/** Types of build-stamp.mjs for the TypeScript that imports it. */
export declare const SOURCE_CONDITION: string;
export declare const STAMP_FILE: string;
export declare function digestSources(dir: string, digests?: Map<string, string>): string;
export declare function readBuildStamp(dir: string): string | undefined;
export declare function findStalePackages(dir: string, now?: number): string[];
export declare function describeBuildStamp(dir: string, now?: number): string;
