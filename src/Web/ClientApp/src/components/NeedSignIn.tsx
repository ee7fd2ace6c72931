// What a visitor without a session sees: sign-in is by personal link only.

export function NeedSignIn({ signedOut = false }: { signedOut?: boolean }) {
  return (
    <div class="panel-box">
      {signedOut && <p>You have signed out.</p>}
      <p>
        To use Quorum you need your personal sign-in link. Your facilitator sends it to you; it looks
        like <code>{location.origin}/join#…</code>.
      </p>
      <p>Open that link in this browser to sign in. If you have lost it, or it no longer works, ask your facilitator for a new one.</p>
    </div>
  );
}
