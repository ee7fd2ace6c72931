// /panels/:panelId/members (facilitators): invite people, manage their links, groups and membership.

import { useRef, useState } from "preact/hooks";
import { api } from "../api";
import { CopyLink } from "../components/CopyLink";
import { GroupForm } from "../components/GroupForm";
import { InviteForm } from "../components/InviteForm";
import { LoadError, Loading } from "../components/LoadError";
import { MemberRow } from "../components/MemberRow";
import { PageHeading } from "../components/PageHeading";
import { useHubEvent } from "../live";
import type { InviteResult, MemberView, PanelView } from "../types";
import { joinPanel, useLiveData } from "../useLive";

function upsert(members: MemberView[], member: MemberView): MemberView[] {
  const i = members.findIndex((m) => m.personId === member.personId);
  if (i < 0) return [...members, member];
  const next = [...members];
  next[i] = member;
  return next;
}

export function MembersPage({ panelId }: { panelId: string }) {
  const { data: panel, setData, problem, reload } = useLiveData<PanelView>(() => joinPanel(panelId));
  const [shownLink, setShownLink] = useState<InviteResult | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // memberChanged carries no panel id, so treat it as a signal and re-read this panel's members.
  useHubEvent("memberChanged", () => {
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(async () => {
      const fresh = await api.panel(panelId);
      if (fresh.ok) setData(() => fresh.value);
    }, 300);
  });

  const onMember = (member: MemberView) => setData((p) => ({ ...p, members: upsert(p.members, member) }));
  const onLink = (result: InviteResult) => {
    onMember(result.member);
    setShownLink(result);
  };

  const title = panel ? `Members — ${panel.name}` : "Members";

  return (
    <>
      <PageHeading title={title} />
      {problem && !panel && <LoadError problem={problem} onRetry={reload} />}
      {!problem && !panel && <Loading what="members" />}
      {panel && panel.myRole !== "facilitator" && (
        <p class="panel-box">Only facilitators of this panel can manage its members.</p>
      )}
      {panel && panel.myRole === "facilitator" && (
        <>
          {shownLink && (
            <CopyLink link={shownLink.link} name={shownLink.member.name} onDismiss={() => setShownLink(null)} />
          )}
          <div class="two-col">
            <InviteForm panelId={panelId} groups={panel.groups} onInvited={onLink} />
            <GroupForm panelId={panelId} groups={panel.groups} onAdded={(p) => setData(() => p)} />
          </div>
          <MembersTable panel={panel} onChanged={onMember} onNewLink={onLink} />
        </>
      )}
    </>
  );
}

function MembersTable({ panel, onChanged, onNewLink }: {
  panel: PanelView;
  onChanged: (m: MemberView) => void;
  onNewLink: (r: InviteResult) => void;
}) {
  const members = [...panel.members].sort((a, b) => Number(a.removed) - Number(b.removed) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {members.length === 0 ? (
        <p>No members yet.</p>
      ) : (
        <div class="table-scroll" role="region" aria-label="Members table" tabIndex={0}>
          <table data-testid="members-table">
            <caption>Members of {panel.name} ({members.filter((m) => !m.removed).length})</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Group</th>
                {panel.review.pseudonymous && <th scope="col">Pseudonym</th>}
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Sign-in link</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow key={m.personId} panelId={panel.panelId} member={m} isMe={m.personId === panel.myPersonId}
                  showPseudonym={panel.review.pseudonymous}
                  onChanged={onChanged} onNewLink={onNewLink} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
