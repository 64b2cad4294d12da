// The status page: plain strings, every interpolated value escaped, links only
// to http(s) URLs. No client script; the only style is inline (see the CSP in app.ts).
import type { AccountResponse, CvmSummary } from "./view";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** The URL, escaped for an attribute, when it is http(s); otherwise undefined. */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? escapeHtml(url.href) : undefined;
  } catch {
    return undefined;
  }
}

type Badge = "ok" | "busy" | "off" | "bad" | "unknown";

const BADGES: Record<string, Badge> = {
  running: "ok",
  starting: "busy",
  stopping: "busy",
  restarting: "busy",
  provisioning: "busy",
  upgrading: "busy",
  shutting_down: "busy",
  stopped: "off",
  exited: "off",
  shutdown: "off",
  error: "bad",
  failed: "bad",
  deleted: "bad",
};

/** The badge class of a status: from a fixed list, never the status text itself. */
export function badgeFor(status: string, inProgress = false): Badge {
  const badge = BADGES[status.toLowerCase()] ?? "unknown";
  return inProgress && badge !== "bad" ? "busy" : badge;
}

function link(href: string | null | undefined, text: string): string {
  const safe = safeHref(href);
  return safe ? `<a href="${safe}" rel="noopener noreferrer">${escapeHtml(text)}</a>` : "";
}

function resources(cvm: CvmSummary): string {
  const r = cvm.resources;
  const parts = [
    r.instance_type,
    r.vcpu === null ? null : `${r.vcpu} vCPU`,
    r.memory_in_gb === null ? null : `${r.memory_in_gb} GB RAM`,
    r.disk_in_gb === null ? null : `${r.disk_in_gb} GB disk`,
    r.gpus ? `${r.gpus} GPU` : null,
  ].filter((part): part is string => Boolean(part));
  return escapeHtml(parts.join(" · ") || "-");
}

function endpoints(cvm: CvmSummary): string {
  const urls = cvm.endpoints.map((e) => e.app);
  if (cvm.app_url && !urls.includes(cvm.app_url)) urls.unshift(cvm.app_url);
  const links = urls.map((url) => link(url, url)).filter(Boolean);
  return links.length ? links.join("<br>") : "-";
}

function row(cvm: CvmSummary): string {
  const badge = badgeFor(cvm.status, cvm.in_progress);
  const node = [cvm.node.name, cvm.node.region].filter(Boolean).join(" / ") || "-";
  return `<tr>
<td><a href="/api/cvms/${encodeURIComponent(cvm.id)}">${escapeHtml(cvm.name)}</a><div class="id">${escapeHtml(cvm.app_id ?? cvm.id)}</div></td>
<td><span class="badge ${badge}">${escapeHtml(cvm.status)}${cvm.in_progress ? " …" : ""}</span></td>
<td>${resources(cvm)}</td>
<td>${escapeHtml(node)}</td>
<td>${endpoints(cvm)}</td>
</tr>`;
}

export interface StatusPageData {
  account: AccountResponse;
  cvms: CvmSummary[];
  /** What the server talks to, e.g. "mock API started in process". */
  source: string;
  generatedAt: Date;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d1d1f}
h1{font-size:1.4rem;margin:0 0 .25rem}.meta{color:#666;margin:0 0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e5e5e5;vertical-align:top}
th{font-weight:600;background:#fafafa}.id{color:#888;font:12px ui-monospace,monospace}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:999px;font-size:12px;font-weight:600}
.ok{background:#e3f6e8;color:#17692f}.busy{background:#fff4d6;color:#8a5a00}.off{background:#eee;color:#555}
.bad{background:#fde2e1;color:#a4201b}.unknown{background:#e8eefc;color:#2848a0}
.counts span{margin-right:1rem}footer{margin-top:1rem;color:#888;font-size:12px}`;

export function renderStatusPage(data: StatusPageData): string {
  const { account, cvms } = data;
  const counts = new Map<Badge, number>();
  for (const cvm of cvms) {
    const badge = badgeFor(cvm.status, cvm.in_progress);
    counts.set(badge, (counts.get(badge) ?? 0) + 1);
  }
  const summary = (["ok", "busy", "off", "bad", "unknown"] as const)
    .filter((badge) => counts.has(badge))
    .map(
      (badge) => `<span><span class="badge ${badge}">${counts.get(badge)}</span> ${badge}</span>`,
    )
    .join("");
  const rows = cvms.length
    ? cvms.map(row).join("\n")
    : `<tr><td colspan="5">No CVMs in this workspace.</td></tr>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(account.workspace.name)} · CVM status</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(account.workspace.name)}</h1>
<p class="meta">${escapeHtml(account.workspace.tier)} tier · signed in as ${escapeHtml(account.user.username)} · credits ${escapeHtml(account.credits.balance)}</p>
<p class="counts">${cvms.length} CVM${cvms.length === 1 ? "" : "s"} ${summary}</p>
<table>
<thead><tr><th>Name</th><th>Status</th><th>Resources</th><th>Node / region</th><th>Endpoints</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<footer>Source: ${escapeHtml(data.source)} · ${escapeHtml(data.generatedAt.toISOString())} · JSON: <a href="/api/cvms">/api/cvms</a>, <a href="/api/me">/api/me</a></footer>
</body>
</html>
`;
}

export function renderErrorPage(status: number, name: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${status} · CVM status</title><style>${STYLE}</style></head>
<body><h1>${status} ${escapeHtml(name)}</h1><p>${escapeHtml(message)}</p></body></html>
`;
}
