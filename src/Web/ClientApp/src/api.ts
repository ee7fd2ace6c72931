// REST calls. Every call resolves to an Outcome (never throws), so pages handle refusals the same way
// whether they came from REST or from the hub.

import type {
  BankView, Framework, InviteResult, Me, MemberView, Outcome, PanelView, Problem,
} from "./types";

const networkProblem: Problem = {
  code: "network",
  message: "The server could not be reached. Check your connection and try again.",
};

async function request<T>(method: string, path: string, body?: unknown): Promise<Outcome<T>> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  };
  if (body !== undefined || method !== "GET") {
    // The server refuses mutating requests that are not JSON (a guard against cross-site form posts).
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    return { ok: false, value: null, error: networkProblem };
  }

  const text = await response.text().catch(() => "");
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }

  if (response.ok) {
    return { ok: true, value: parsed as T, error: null };
  }
  return { ok: false, value: null, error: toProblem(response.status, parsed) };
}

function toProblem(status: number, body: unknown): Problem {
  const b = body as Partial<Problem> | null;
  if (b && typeof b.message === "string") {
    return { code: b.code ?? codeFor(status), message: b.message, field: b.field ?? null };
  }
  return { code: codeFor(status), message: fallbackMessage(status) };
}

function codeFor(status: number): string {
  switch (status) {
    case 400: return "invalid";
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not-found";
    case 409: return "conflict";
    default: return "server";
  }
}

function fallbackMessage(status: number): string {
  switch (status) {
    case 401: return "You are not signed in.";
    case 403: return "You do not have permission to do that.";
    case 404: return "That was not found.";
    default: return `The server could not complete the request (status ${status}). Try again in a moment.`;
  }
}

const enc = encodeURIComponent;

export const api = {
  signIn: (token: string) => request<Me>("POST", "/api/session", { token }),
  signOut: () => request<null>("DELETE", "/api/session"),
  me: () => request<Me>("GET", "/api/me"),
  frameworks: () => request<Framework[]>("GET", "/api/frameworks"),

  createPanel: (name: string, framework: { frameworkId: string } | { framework: unknown }) =>
    request<PanelView>("POST", "/api/panels", { name, ...framework }),
  panel: (panelId: string) => request<PanelView>("GET", `/api/panels/${enc(panelId)}`),
  addGroup: (panelId: string, name: string) =>
    request<PanelView>("POST", `/api/panels/${enc(panelId)}/groups`, { name }),
  invite: (panelId: string, invite: { name: string; group: string; email: string | null; role: string }) =>
    request<InviteResult>("POST", `/api/panels/${enc(panelId)}/invites`, invite),
  newLink: (panelId: string, personId: string) =>
    request<InviteResult>("POST", `/api/panels/${enc(panelId)}/members/${enc(personId)}/link`),
  revokeLink: (panelId: string, personId: string) =>
    request<MemberView>("DELETE", `/api/panels/${enc(panelId)}/members/${enc(personId)}/link`),
  removeMember: (panelId: string, personId: string) =>
    request<MemberView>("DELETE", `/api/panels/${enc(panelId)}/members/${enc(personId)}`),
  items: (panelId: string, statement?: string, status?: string) => {
    const query = new URLSearchParams();
    if (statement) query.set("statement", statement);
    if (status) query.set("status", status);
    const qs = query.toString();
    return request<BankView>("GET", `/api/panels/${enc(panelId)}/items${qs ? `?${qs}` : ""}`);
  },
};
