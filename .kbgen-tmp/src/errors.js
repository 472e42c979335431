// Typed errors of the core: the CLI maps their codes to one-line messages and exit codes.
export class KgError extends Error {
    code;
    /** Where the problem is: a file path, optionally with a line (`file:12`). */
    where;
    constructor(code, message, where) {
        super(message);
        this.name = 'KgError';
        this.code = code;
        this.where = where;
    }
}
/** A setting that fails validation: names the setting, the value and what was expected. */
export class InvalidSettingError extends KgError {
    constructor(setting, expected, value) {
        super('INVALID_SETTING', `invalid \`${setting}\` setting: expected ${expected}, got ${JSON.stringify(value)}`);
        this.name = 'InvalidSettingError';
    }
}
