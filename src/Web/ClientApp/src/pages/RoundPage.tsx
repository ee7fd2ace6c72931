// /panels/:panelId/rounds/:roundId — one round: its items and settings, the items that could not enter and why, and
// once closed, each item's figures and decision and the panel statistics, overall and per framework statement.

import { Alert } from "../components/Alert";
import { CloseRound } from "../components/CloseRound";
import { Decision } from "../components/Distribution";
import { LoadError, Loading } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { instrumentLabel } from "../consensus";
import { invoke } from "../hub";
import { dateTime, decimal, itemTitle, percent, roundStatusLabels, statementLabel, statusLabels } from "../labels";
import { useHubEvent } from "../live";
import type { Framework, ItemSummary, Outcome, PanelStatistics, PanelView, ReviewSettings, RoundView } from "../types";
import { joinPanel, useLiveData } from "../useLive";
import { Refusals } from "./RoundsPage";

interface Data {
  panel: PanelView;
  round: RoundView;
  items: Map<string, ItemSummary>;
}

export function RoundPage({ panelId, roundId }: { panelId: string; roundId: string }) {
  const { data, setData, problem, reload } = useLiveData<Data>(async (): Promise<Outcome<Data>> => {
    const panel = await joinPanel(panelId);
    if (!panel.ok) return panel;
    const round = await invoke("GetRound", roundId);
    if (!round.ok) return round;
    const bank = await invoke("ListItems", panelId, null, null);
    const items = new Map(bank.ok ? bank.value.items.map((i) => [i.itemId, i] as const) : []);
    return { ok: true, value: { panel: panel.value, round: round.value, items }, error: null };
  });

  useHubEvent("roundChanged", (round) => {
    if (round.roundId === roundId && data && round.status !== data.round.status) void reload();
  });

  const round = data?.round;
  const panel = data?.panel;
  const base = `/panels/${encodeURIComponent(panelId)}`;
  const title = (id: string) => itemTitle(data?.items.get(id)?.title);

  return (
    <>
      <PageHeading title={round ? `${round.name} — ${roundStatusLabels[round.status].toLowerCase()}` : "Round"} />
      {problem && !data && <LoadError problem={problem} onRetry={reload} />}
      {problem && data && <Alert problem={problem} />}
      {!problem && !data && <Loading what="the round" />}
      {data && round && panel && (
        <>
          <p><a href={`${base}/rounds`}>All rounds</a></p>
          <dl class="facts">
            <div><dt>Status</dt><dd data-testid="round-status">{roundStatusLabels[round.status]}</dd></div>
            <div><dt>Items</dt><dd>{round.itemIds.length}</dd></div>
            <div><dt>Opened</dt><dd>{dateTime(round.openedAt)}</dd></div>
            <div><dt>Closed</dt><dd>{round.closedAt ? dateTime(round.closedAt) : "Not yet"}</dd></div>
          </dl>
          <SettingsText settings={round.settings} />
          {panel.myRole === "facilitator" && round.status === "open" && (
            <CloseRound roundId={round.roundId} name={round.name} items={round.itemIds.length}
              onClosed={(closed) => setData((d) => ({ ...d, round: closed }))} />
          )}
          {round.refused.length > 0 && <Refusals refused={round.refused} base={base} />}

          {round.results ? (
            <>
              <ItemResults round={round} framework={panel.framework} title={title} base={base} />
              <section aria-labelledby="overall-heading">
                <h2 id="overall-heading">Panel statistics</h2>
                <StatisticsTable stats={round.results.overall} caption={`Agreement over all ${round.results.overall.items} items of ${round.name}`} testId="overall-statistics" />
              </section>
              <section aria-labelledby="by-statement-heading">
                <h2 id="by-statement-heading">Per framework statement</h2>
                {round.results.byStatement.map((s) => (
                  <section key={s.statementId} aria-labelledby={`statement-${s.statementId}`}>
                    <h3 id={`statement-${s.statementId}`}>{statementLabel(panel.framework, s.statementId)}</h3>
                    <StatisticsTable stats={s.statistics} caption={`Agreement over the ${s.statistics.items} items of this statement`} />
                  </section>
                ))}
              </section>
            </>
          ) : (
            <section aria-labelledby="round-items-heading">
              <h2 id="round-items-heading">Items in this round</h2>
              <p class="hint">Results appear here when the round closes. The live dashboard shows the ratings as they come in.</p>
              <ul>
                {round.itemIds.map((id) => <li key={id}><a href={`${base}/items/${encodeURIComponent(id)}`}>{title(id)}</a></li>)}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

/** The instruments and rules the round was opened with, in words. */
export function SettingsText({ settings }: { settings: ReviewSettings }) {
  const r = settings.rules;
  const rules = [
    `at least ${r.minRaters} ${r.minRaters === 1 ? "rater" : "raters"}`,
    r.requireCriticalCvr && settings.instruments.includes("essentiality") ? "CVR at Lawshe's critical value (exact binomial)" : null,
    r.minItemCvi !== null && settings.instruments.includes("relevance") ? `I-CVI at least ${decimal(r.minItemCvi, 2)}` : null,
    r.minKeyAgreement !== null && settings.instruments.includes("keyCorrect") ? `key agreement at least ${percent(r.minKeyAgreement)}` : null,
    r.minClarityAgreement !== null && settings.instruments.includes("clarity") ? `clarity 3-4 from at least ${percent(r.minClarityAgreement)}` : null,
  ].filter(Boolean);
  return (
    <p data-testid="round-settings">
      Rated on: {settings.instruments.map(instrumentLabel).join(", ")}. An item is agreed with {rules.join("; ")}.
      {settings.pseudonymous ? " Experts appear by pseudonym." : ""}
    </p>
  );
}

function ItemResults({ round, framework, title, base }: {
  round: RoundView;
  framework: Framework;
  title: (id: string) => string;
  base: string;
}) {
  const items = round.results!.items;
  const agreed = items.filter((i) => i.decision.agreed).length;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Decisions</h2>
      <p>{agreed} of {items.length} {items.length === 1 ? "item was" : "items were"} agreed; {items.length - agreed} need revision.</p>
      <div class="table-scroll" role="region" aria-label="Item results" tabIndex={0}>
        <table data-testid="round-results">
          <caption>Each item's ratings and decision at the close of {round.name}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Statement</th>
              <th scope="col" class="num">Raters</th>
              <th scope="col" class="num">CVR</th>
              <th scope="col" class="num">I-CVI</th>
              <th scope="col" class="num">Key agreement</th>
              <th scope="col" class="num">Clarity 3-4</th>
              <th scope="col" class="num">Angoff mean</th>
              <th scope="col" class="num"><abbr title="Of those who rated this item in the previous round too, the share who answered the same">Stability</abbr></th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.itemId} data-item-id={i.itemId}>
                <th scope="row"><a href={`${base}/items/${encodeURIComponent(i.itemId)}`}>{title(i.itemId)}</a></th>
                <td>{statementLabel(framework, i.statementId)}</td>
                <td class="num">{i.statistics.raters}</td>
                <td class="num">{i.statistics.raters ? decimal(i.statistics.contentValidityRatio, 3) : "—"}</td>
                <td class="num">{i.statistics.relevance.some((n) => n > 0) ? decimal(i.statistics.itemContentValidityIndex, 2) : "—"}</td>
                <td class="num">{percent(i.statistics.keyAgreement)}</td>
                <td class="num">{percent(i.statistics.clarityAgreement)}</td>
                <td class="num">{i.statistics.angoffMean === null ? "—" : `${decimal(i.statistics.angoffMean, 1)}%`}</td>
                <td class="num">{percent(i.stability)}</td>
                <td><Decision decision={i.decision} lead={`${statusLabels[i.outcome]}:`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function StatisticsTable({ stats, caption, testId }: { stats: PanelStatistics; caption: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dl class="facts">
        <div><dt>Items</dt><dd>{stats.items}</dd></div>
        <div><dt>Raters</dt><dd>{stats.raters}</dd></div>
        <div><dt>S-CVI/Ave</dt><dd>{decimal(stats.scaleCviAverage, 2)}</dd></div>
        <div><dt>S-CVI/UA</dt><dd>{decimal(stats.scaleCviUniversal, 2)}</dd></div>
        <div>
          <dt>Angoff cut score</dt>
          <dd>
            {stats.angoff
              ? `${decimal(stats.angoff.cutScore, 2)} of ${stats.angoff.items} (${percent(stats.angoff.items ? stats.angoff.cutScore / stats.angoff.items : null, 1)})${stats.angoff.standardError === null ? "" : `, SE ${decimal(stats.angoff.standardError, 2)}`}; ${stats.angoffJudges} ${stats.angoffJudges === 1 ? "judge" : "judges"}`
              : "—"}
          </dd>
        </div>
      </dl>
      <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col" class="num">Items</th>
              <th scope="col" class="num">Ratings</th>
              <th scope="col" class="num">Fleiss' kappa</th>
              <th scope="col" class="num">Krippendorff's alpha, nominal</th>
              <th scope="col" class="num">ordinal</th>
              <th scope="col" class="num">interval</th>
            </tr>
          </thead>
          <tbody>
            {stats.instruments.map((i) => (
              <tr key={i.instrument}>
                <th scope="row">{instrumentLabel(i.instrument)}</th>
                <td class="num">{i.items}</td>
                <td class="num">{i.ratings}</td>
                <td class="num">
                  {decimal(i.fleissKappa, 3)}
                  {i.fleissItems > 0 && <span class="meta"> ({i.fleissItems} items × {i.fleissRaters} raters)</span>}
                </td>
                <td class="num">{decimal(i.alphaNominal, 3)}</td>
                <td class="num">{decimal(i.alphaOrdinal, 3)}</td>
                <td class="num">{decimal(i.alphaInterval, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">A dash means the figure is undefined here (too few ratings, or no variation at all).</p>
    </div>
  );
}
