// The package name and version written into every graph file's `generator` (a test keeps it equal to package.json).
export const PACKAGE_NAME = 'kg-builder';
export const PACKAGE_VERSION = '0.1.0';
export const GENERATOR = `${PACKAGE_NAME}@${PACKAGE_VERSION}`;
