import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { editDistance } from "@/server/search/correct-query";

type Doc = Record<string, unknown>;
type Settings = Record<string, unknown> & {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  stopWords: string[];
  synonyms: Record<string, string[]>;
  typoTolerance: { enabled: boolean; minWordSizeForTypos: { oneTypo: number; twoTypos: number }; disableOnAttributes: string[]; disableOnWords: string[]; disableOnNumbers: boolean };
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, string> };
  pagination: { maxTotalHits: number };
};
interface FakeIndex { uid: string; primaryKey: string | null; docs: Map<string, Doc>; settings: Settings; createdAt: string; updatedAt: string }
interface Task { uid: number; indexUid: string | null; status: "enqueued" | "processing" | "succeeded" | "failed"; type: string; error: null | { message: string; code: string; type: string; link: string }; details: Doc; enqueuedAt: string; startedAt: string | null; finishedAt: string | null; duration: null }
type Reply = { status: number; body: unknown };

class MeiliError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}
const errorBody = (e: MeiliError) => ({ message: e.message, code: e.code, type: "invalid_request", link: `https://docs.meilisearch.com/errors#${e.code}` });

const defaultSettings = (): Settings => ({
  displayedAttributes: ["*"], searchableAttributes: ["*"], filterableAttributes: [], sortableAttributes: [],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"], stopWords: [], nonSeparatorTokens: [],
  separatorTokens: [], dictionary: [], synonyms: {}, distinctAttribute: null, proximityPrecision: "byWord",
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [], disableOnNumbers: false },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "alpha" } }, pagination: { maxTotalHits: 1000 }, searchCutoffMs: null,
});

const words = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === "string" || typeof v === "number" ? String(v).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [] : []));

/** Reads one filter expression of the shapes the shop sends: `a IN [..]`, `a = v`, `a >= n`, `a <= n`. */
function expression(expr: string, filterable: string[]): (d: Doc) => boolean {
  const m = /^([\w.]+)\s+(IN|=|!=|>=|<=|>|<)\s+(.+)$/.exec(expr.trim());
  if (!m) throw new MeiliError(400, "invalid_search_filter", `fake Meilisearch cannot parse the filter \`${expr}\``);
  const [, attribute, op, raw] = m as unknown as [string, string, string, string];
  if (!filterable.includes(attribute)) throw new MeiliError(400, "invalid_search_filter", `Attribute \`${attribute}\` is not filterable.`);
  const parse = (s: string): unknown => (/^(true|false|-?\d+(\.\d+)?|".*")$/.test(s.trim()) ? JSON.parse(s.trim()) : s.trim());
  const values = op === "IN" ? (JSON.parse(raw) as unknown[]) : [parse(raw)];
  const test = (v: unknown, want: unknown) => {
    switch (op) {
      case ">=": return Number(v) >= Number(want);
      case "<=": return Number(v) <= Number(want);
      case ">": return Number(v) > Number(want);
      case "<": return Number(v) < Number(want);
      case "!=": return String(v) !== String(want);
      default: return String(v) === String(want);
    }
  };
  return (d) => {
    const field = d[attribute];
    const list = Array.isArray(field) ? field : [field];
    return list.some((v) => v !== undefined && v !== null && values.some((want) => test(v, want)));
  };
}

/** Each query word must match a word of a searchable attribute: exactly, as a prefix (the last word), with typos, or by a synonym. */
function textScore(settings: Settings, d: Doc, q: string): number | null {
  const attributes = settings.searchableAttributes[0] === "*" ? Object.keys(d) : settings.searchableAttributes;
  const terms = words(q).filter((w) => !settings.stopWords.includes(w));
  let score = 0;
  for (const [i, term] of terms.entries()) {
    const alternatives = [term, ...(settings.synonyms[term] ?? [])];
    let best = 0;
    for (const [rank, attribute] of attributes.entries()) {
      const typos = settings.typoTolerance.enabled && !settings.typoTolerance.disableOnAttributes.includes(attribute);
      const budget = term.length >= settings.typoTolerance.minWordSizeForTypos.twoTypos ? 2 : term.length >= settings.typoTolerance.minWordSizeForTypos.oneTypo ? 1 : 0;
      for (const w of words(d[attribute])) {
        const quality = alternatives.includes(w) ? 3 : i === terms.length - 1 && w.startsWith(term) ? 2 : typos && budget && editDistance(term, w) <= budget ? 1 : 0;
        if (quality) best = Math.max(best, quality * 100 + (attributes.length - rank));
      }
    }
    if (!best) return null;
    score += best;
  }
  return score;
}

function search(index: FakeIndex, params: Doc) {
  const s = index.settings;
  const filters = params.filter === undefined ? [] : Array.isArray(params.filter) ? (params.filter as string[]) : [params.filter as string];
  const tests = filters.map((f) => expression(f, s.filterableAttributes));
  const q = typeof params.q === "string" ? params.q : "";
  let hits = [...index.docs.values()].filter((d) => tests.every((t) => t(d))).map((d) => ({ d, score: q.trim() ? textScore(s, d, q) : 0 }));
  hits = hits.filter((h) => h.score !== null);
  const sort = (params.sort as string[] | undefined) ?? [];
  const rules = sort.map((rule) => {
    const [attribute, direction] = rule.split(":") as [string, string];
    if (!s.sortableAttributes.includes(attribute)) throw new MeiliError(400, "invalid_search_sort", `Attribute \`${attribute}\` is not sortable.`);
    return { attribute, sign: direction === "desc" ? -1 : 1 };
  });
  const compare = (a: Doc, b: Doc, attribute: string) => (a[attribute] === b[attribute] ? 0 : (a[attribute] as number) < (b[attribute] as number) ? -1 : 1);
  // The ranking rules' order decides whether a sort beats relevance (rule "sort" before "words") or only breaks its ties.
  const sortFirst = (s.rankingRules as string[]).indexOf("sort") < (s.rankingRules as string[]).indexOf("words");
  const bySort = (a: Doc, b: Doc) => {
    for (const { attribute, sign } of rules) if (compare(a, b, attribute)) return sign * compare(a, b, attribute);
    return 0;
  };
  const byScore = (a: { score: number | null }, b: { score: number | null }) => (q.trim() ? b.score! - a.score! : 0);
  hits.sort((a, b) => (sortFirst ? bySort(a.d, b.d) || byScore(a, b) : byScore(a, b) || bySort(a.d, b.d)) || (q.trim() ? Number(b.d.popularity ?? 0) - Number(a.d.popularity ?? 0) : 0));
  const matched = hits.slice(0, s.pagination.maxTotalHits).map((h) => h.d);

  const facetDistribution: Record<string, Record<string, number>> = {};
  const facetStats: Record<string, { min: number; max: number }> = {};
  for (const facet of (params.facets as string[] | undefined) ?? []) {
    if (!s.filterableAttributes.includes(facet)) throw new MeiliError(400, "invalid_search_facets", `Attribute \`${facet}\` is not filterable.`);
    const counts: Record<string, number> = {};
    const numbers: number[] = [];
    for (const d of hits.map((h) => h.d)) {
      const values = Array.isArray(d[facet]) ? (d[facet] as unknown[]) : [d[facet]];
      for (const v of new Set(values)) {
        if (v === undefined || v === null) continue;
        counts[String(v)] = (counts[String(v)] ?? 0) + 1;
        if (typeof v === "number") numbers.push(v);
      }
    }
    facetDistribution[facet] = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, s.faceting.maxValuesPerFacet));
    if (numbers.length) facetStats[facet] = { min: Math.min(...numbers), max: Math.max(...numbers) };
  }
  const facetPart = params.facets ? { facetDistribution, facetStats } : {};
  if (params.page !== undefined || params.hitsPerPage !== undefined) {
    const hitsPerPage = Number(params.hitsPerPage ?? 20);
    const page = Number(params.page ?? 1);
    return { hits: matched.slice((page - 1) * hitsPerPage, page * hitsPerPage), query: q, processingTimeMs: 0, page, hitsPerPage, totalHits: matched.length, totalPages: hitsPerPage ? Math.ceil(matched.length / hitsPerPage) : 0, ...facetPart };
  }
  const offset = Number(params.offset ?? 0);
  const limit = Number(params.limit ?? 20);
  return { hits: matched.slice(offset, offset + limit), query: q, processingTimeMs: 0, offset, limit, estimatedTotalHits: matched.length, ...facetPart };
}

/**
 * A local stand-in for the Meilisearch HTTP API on 127.0.0.1 (test-only, never a default): indexes, documents
 * (add-or-replace, partial update, delete, list), settings, stats, asynchronous tasks processed in order, search and
 * multi-search with the filters, sorts, facets and pagination the shop uses, and swap-indexes. Text matching is
 * simplified (exact, prefix of the last word, typos by edit distance, synonyms, stop words).
 */
export async function startFakeMeilisearch(options: { apiKey?: string; taskDelayMs?: number } = {}) {
  const indexes = new Map<string, FakeIndex>();
  const tasks: Task[] = [];
  const queue: (() => void)[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  let busy = false;
  const now = () => new Date().toISOString();

  const indexOf = (uid: string) => {
    const index = indexes.get(uid);
    if (!index) throw new MeiliError(404, "index_not_found", `Index \`${uid}\` not found.`);
    return index;
  };
  const createIndex = (uid: string, primaryKey: string | null) => {
    const index: FakeIndex = { uid, primaryKey, docs: new Map(), settings: defaultSettings(), createdAt: now(), updatedAt: now() };
    indexes.set(uid, index);
    return index;
  };

  function pump() {
    if (busy || !queue.length) return;
    busy = true;
    setTimeout(() => {
      busy = false;
      queue.shift()!();
      pump();
    }, options.taskDelayMs ?? 1);
  }

  function enqueue(type: string, indexUid: string | null, work: () => void, details: Doc = {}): Reply {
    const task: Task = { uid: tasks.length, indexUid, status: "enqueued", type, error: null, details, enqueuedAt: now(), startedAt: null, finishedAt: null, duration: null };
    tasks.push(task);
    queue.push(() => {
      task.startedAt = now();
      try {
        work();
        task.status = "succeeded";
      } catch (e) {
        task.status = "failed";
        task.error = e instanceof MeiliError ? errorBody(e) : { message: String(e), code: "internal", type: "internal", link: "" };
      }
      task.finishedAt = now();
    });
    pump();
    return { status: 202, body: { taskUid: task.uid, indexUid, status: "enqueued", type, enqueuedAt: task.enqueuedAt } };
  }

  function addDocuments(uid: string, docs: Doc[], primaryKey: string | null, partial: boolean) {
    const index = indexes.get(uid) ?? createIndex(uid, primaryKey);
    index.primaryKey ??= primaryKey ?? (Object.keys(docs[0] ?? {}).find((k) => /id$/i.test(k)) ?? null);
    for (const doc of docs) {
      const id = String(doc[index.primaryKey!]);
      index.docs.set(id, partial ? { ...index.docs.get(id), ...doc } : doc);
    }
    index.updatedAt = now();
  }

  function route(method: string, path: string, query: URLSearchParams, body: unknown): Reply {
    const parts = path.split("/").filter(Boolean);
    const ok = (value: unknown): Reply => ({ status: 200, body: value });
    if (path === "/health") return ok({ status: "available" });
    if (parts[0] === "tasks" && parts[1] && method === "GET") {
      const task = tasks[Number(parts[1])];
      if (!task) throw new MeiliError(404, "task_not_found", `Task \`${parts[1]}\` not found.`);
      return ok(task);
    }
    if (path === "/multi-search" && method === "POST") {
      const queries = (body as { queries: (Doc & { indexUid: string })[] }).queries;
      return ok({ results: queries.map(({ indexUid, ...params }) => ({ indexUid, ...search(indexOf(indexUid), params) })) });
    }
    if (path === "/swap-indexes" && method === "POST") {
      const swaps = body as { indexes: [string, string] }[];
      return enqueue("indexSwap", null, () => {
        for (const { indexes: [a, b] } of swaps) {
          const [x, y] = [indexOf(a), indexOf(b)];
          indexes.set(a, { ...y, uid: a });
          indexes.set(b, { ...x, uid: b });
        }
      }, { swaps });
    }
    if (path === "/indexes" && method === "POST") {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
      return enqueue("indexCreation", uid, () => {
        if (indexes.has(uid)) throw new MeiliError(409, "index_already_exists", `Index \`${uid}\` already exists.`);
        createIndex(uid, primaryKey ?? null);
      });
    }
    if (parts[0] !== "indexes" || !parts[1]) throw new MeiliError(404, "not_found", `${method} ${path} is not a route of the fake`);
    const uid = parts[1];
    const rest = parts.slice(2).join("/");
    if (rest === "" && method === "GET") {
      const { primaryKey, createdAt, updatedAt } = indexOf(uid);
      return ok({ uid, primaryKey, createdAt, updatedAt });
    }
    if (rest === "" && method === "DELETE") return enqueue("indexDeletion", uid, () => void (indexOf(uid), indexes.delete(uid)));
    if (rest === "stats" && method === "GET") return ok({ numberOfDocuments: indexOf(uid).docs.size, isIndexing: queue.length > 0, fieldDistribution: {} });
    if (rest === "settings" && method === "GET") return ok(indexOf(uid).settings);
    if (rest === "settings" && method === "PATCH") {
      return enqueue("settingsUpdate", uid, () => {
        const index = indexes.get(uid) ?? createIndex(uid, null);
        for (const [key, value] of Object.entries(body as Doc)) {
          const current = index.settings[key];
          index.settings[key] = value && typeof value === "object" && !Array.isArray(value) && current && typeof current === "object" && key !== "synonyms" ? { ...(current as Doc), ...(value as Doc) } : value;
        }
        for (const key of ["filterableAttributes", "sortableAttributes", "stopWords"] as const) index.settings[key] = [...index.settings[key]].sort();
      });
    }
    if (rest === "search" && method === "POST") return ok(search(indexOf(uid), body as Doc));
    if (rest === "documents" && (method === "POST" || method === "PUT")) {
      return enqueue("documentAdditionOrUpdate", uid, () => addDocuments(uid, body as Doc[], query.get("primaryKey"), method === "PUT"), { receivedDocuments: (body as Doc[]).length });
    }
    if (rest === "documents" && method === "GET") {
      const index = indexOf(uid);
      const offset = Number(query.get("offset") ?? 0);
      const limit = Number(query.get("limit") ?? 20);
      const fields = query.get("fields")?.split(",");
      const pick = (d: Doc) => (fields ? Object.fromEntries(fields.map((f) => [f, d[f]])) : d);
      return ok({ results: [...index.docs.values()].slice(offset, offset + limit).map(pick), offset, limit, total: index.docs.size });
    }
    if (rest === "documents/delete-batch" && method === "POST") {
      return enqueue("documentDeletion", uid, () => (body as unknown[]).forEach((id) => indexOf(uid).docs.delete(String(id))));
    }
    if (parts[2] === "documents" && parts[3] && method === "DELETE") return enqueue("documentDeletion", uid, () => void indexOf(uid).docs.delete(parts[3]!));
    throw new MeiliError(404, "not_found", `${method} ${path} is not a route of the fake`);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    let reply: Reply;
    try {
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) throw new MeiliError(401, "missing_authorization_header", "The Authorization header is missing or wrong.");
      const raw = Buffer.concat(chunks).toString("utf8");
      reply = route(method, url.pathname, url.searchParams, raw ? JSON.parse(raw) : undefined);
    } catch (e) {
      reply = e instanceof MeiliError ? { status: e.status, body: errorBody(e) } : { status: 500, body: { message: String(e), code: "internal" } };
    }
    requests.push({ method, path: url.pathname, status: reply.status });
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The documents of an index, by primary key, as stored. */
    documents: (uid: string) => indexes.get(uid)?.docs ?? new Map<string, Doc>(),
    indexUids: () => [...indexes.keys()].sort(),
    settings: (uid: string) => indexes.get(uid)?.settings,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeMeilisearch = Awaited<ReturnType<typeof startFakeMeilisearch>>;
