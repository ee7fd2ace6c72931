namespace Quorum.Simulator.Server.Api;

// Signing in: POST /api/session { token } answers with Me and sets the session cookie.

public sealed record SessionRequest(string Token);

public sealed record Me(Guid PersonId, string Name, bool CanCreatePanels, IReadOnlyList<Membership>? Memberships);

public sealed record Membership(Guid PanelId, string PanelName, PanelRole Role);
