/**
 * One encoder per output medium. Document text and file names are untrusted: every face (CLI,
 * language server, renderers, webviews) writes them only through these functions. This folder
 * imports nothing from the rest of the project.
 */
export { hasHidden, shorten, visible, wellFormed } from './text';
export { terminalText } from './terminal';
export { workflowCommand, workflowData, workflowProperty } from './github';
export { Markdown, md, mdCode, mdCodeText, mdJoin, mdLink, mdText } from './markdown';
export { contentSecurityPolicy, htmlAttr, htmlText, safeUrl } from './html';
export { jsonText, sarifText } from './json';
export { patchPath, patchText } from './patch';
