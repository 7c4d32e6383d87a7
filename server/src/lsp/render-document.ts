/**
 * The `rsp/renderDocument` request of the editor's "RSP: Preview Policy Document": the policy
 * that the given document is (or links to), with the roadmaps and risk reports of the workspace
 * that link to it, as the HTML of `rsp-lint render` in webview mode (the client's nonce, the
 * VS Code theme's colours). The client shows it and asks again after each analysis.
 */
import { buildRenderSet, policyPathOf } from '../engine/publish/document';
import type { Finding } from '../engine/types';
import type { Workspace } from '../engine/workspace/workspace';
import { renderDocumentBody, renderDocumentHtml } from '../present/render-html';

export const RENDER_DOCUMENT_REQUEST = 'rsp/renderDocument';

export interface RenderDocumentResult { html: string; body: string; title: string; policy: string | null }

export function renderDocumentFor(ws: Workspace, paths: string[], target: string | undefined, nonce: string | undefined): RenderDocumentResult {
  const policy = target !== undefined ? policyPathOf(ws, target) : undefined;
  const related = policy ? paths.filter((p) => p === policy || policyPathOf(ws, p) === policy) : [];
  const findings = new Map<string, Finding[]>(related.map((p) => [p, ws.analyze(p).filter((f) => f.severity === 'error')] as const));
  const set = policy ? buildRenderSet(ws, related, { policy, findings, display: (p) => p.slice(p.lastIndexOf('/') + 1) }) : { documents: [] };
  const d = set.documents[0];
  return {
    html: renderDocumentHtml(set, { mode: 'webview', ...(nonce ? { nonce } : {}) }),
    body: renderDocumentBody(set),
    title: d ? `${d.title ?? d.id ?? 'Policy'}${d.version ? ` ${d.version}` : ''}` : 'Policy Document',
    policy: policy ?? null,
  };
}
