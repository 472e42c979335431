export declare const PACKAGE_NAME = "kg-builder";
export declare const PACKAGE_VERSION = "0.1.0";
export declare const GENERATOR = "kg-builder@0.1.0";
