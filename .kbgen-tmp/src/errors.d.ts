export type KgErrorCode = 'INPUT_NOT_FOUND' | 'INPUT_INVALID' | 'INPUT_EMPTY' | 'INPUT_TOO_LARGE' | 'INVALID_SETTING' | 'INVALID_GRAPH' | 'INVALID_KB' | 'INVALID_GOLD' | 'UNSUPPORTED';
export declare class KgError extends Error {
    readonly code: KgErrorCode;
    /** Where the problem is: a file path, optionally with a line (`file:12`). */
    readonly where?: string;
    constructor(code: KgErrorCode, message: string, where?: string);
}
/** A setting that fails validation: names the setting, the value and what was expected. */
export declare class InvalidSettingError extends KgError {
    constructor(setting: string, expected: string, value: unknown);
}
