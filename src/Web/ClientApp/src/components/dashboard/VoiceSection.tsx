// Whose voice is heard: each group's share of items, comments, challenges and ratings against its share of the
// panel's experts (flagged, in words, where it falls behind), and each expert's contributions. Facilitators see
// names: the people are named from the members list, which only facilitators receive.

import { dateTime, percent } from "../../labels";
import type { ExpertActivity, GroupVoice } from "../../types";
import { BarChart, seriesColours } from "../BarChart";

const kinds: { key: keyof GroupVoice & string; label: string; behind: string }[] = [
  { key: "itemShare", label: "Items", behind: "items" },
  { key: "commentShare", label: "Comments", behind: "comments" },
  { key: "challengeShare", label: "Challenges", behind: "challenges" },
  { key: "ratingShare", label: "Ratings", behind: "ratings" },
];

export function VoiceSection({ voice }: { voice: GroupVoice[] }) {
  const groups = voice.filter((g) => g.members > 0);
  return (
    <section aria-labelledby="voice-heading">
      <h2 id="voice-heading">Voice per group</h2>
      <p class="hint">
        Each group's share of what was contributed, against its share of the panel's experts. A group is flagged when its
        share of a kind is under half its share of the panel (judged once there are at least 10 of that kind).
      </p>
      {groups.length === 0 ? <p>No experts have joined the panel yet.</p> : (
        <>
          <BarChart labels={groups.map((g) => g.group)} height={240} max={1} testId="voice-chart"
            label={`Grouped bars: each group's share of the panel and of items, comments, challenges and ratings. The table "Voice per group" below has the same figures.`}
            series={[
              { label: "Share of the panel", data: groups.map((g) => g.panelShare), colour: "#37474f" },
              ...kinds.map((k, i) => ({ label: k.label, data: groups.map((g) => g[k.key] as number), colour: seriesColours[i + 1]! })),
            ]} />
          <div class="table-scroll" role="region" aria-label="Voice per group" tabIndex={0}>
            <table data-testid="voice-table">
              <caption>Voice per group: shares of contributions against shares of the panel</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col" class="num">Experts</th>
                  <th scope="col" class="num">Share of panel</th>
                  {kinds.map((k) => <th key={k.key} scope="col" class="num">{k.label}</th>)}
                  <th scope="col">Falling behind</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.group} class={g.behind.length ? "flagged" : undefined}>
                    <th scope="row">{g.group}</th>
                    <td class="num">{g.members}</td>
                    <td class="num">{percent(g.panelShare)}</td>
                    {kinds.map((k) => (
                      <td key={k.key} class="num">
                        {percent(g[k.key] as number)}
                        {g.behind.includes(k.behind) && <span class="flag"> <span aria-hidden="true">⚑</span><span class="visually-hidden">(behind)</span></span>}
                      </td>
                    ))}
                    <td>
                      {g.behind.length
                        ? <span class="badge badge-no"><span aria-hidden="true">⚑ </span>Behind in {g.behind.join(", ")}</span>
                        : <span class="meta">No</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function ExpertsTable({ experts, names, pseudonymous }: {
  experts: ExpertActivity[];
  names: ReadonlyMap<string, string>;
  pseudonymous: boolean;
}) {
  return (
    <section aria-labelledby="experts-heading">
      <h2 id="experts-heading">Activity per expert</h2>
      {experts.length === 0 ? <p>No experts yet.</p> : (
        <div class="table-scroll" role="region" aria-label="Activity per expert" tabIndex={0}>
          <table data-testid="experts-table">
            <caption>What each expert has contributed{pseudonymous ? "; other experts see them by their pseudonym" : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Expert</th>
                {pseudonymous && <th scope="col">Pseudonym</th>}
                <th scope="col">Group</th>
                <th scope="col" class="num">Items</th>
                <th scope="col" class="num">Comments</th>
                <th scope="col" class="num">Challenges</th>
                <th scope="col" class="num">Items rated</th>
                <th scope="col">Last active</th>
              </tr>
            </thead>
            <tbody>
              {experts.map((e) => (
                <tr key={e.personId} data-person-id={e.personId}>
                  <th scope="row">{names.get(e.personId) ?? e.name}</th>
                  {pseudonymous && <td>{e.pseudonym ?? "—"}</td>}
                  <td>{e.group}</td>
                  <td class="num">{e.contributions.items}</td>
                  <td class="num">{e.contributions.comments}</td>
                  <td class="num">{e.contributions.challenges}</td>
                  <td class="num">{e.contributions.ratings}</td>
                  <td>{e.lastActive ? dateTime(e.lastActive) : "Not yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
