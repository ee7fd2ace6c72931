namespace Quorum.Simulator.Server.Api;

// Discussion threads on an item: comments, replies and challenges.

public sealed record ThreadView(Guid ThreadId, Guid ItemId, IReadOnlyList<CommentView> Comments, int OpenChallenges);

public sealed record CommentView(
    Guid CommentId,
    Guid? ParentId,
    Guid AuthorId,
    string AuthorName,
    string Text,
    bool IsChallenge,
    DateTimeOffset At,
    Resolution? Resolution);

public sealed record Resolution(Guid ById, string ByName, string Note, DateTimeOffset At);

public sealed record ThreadSummary(
    Guid ThreadId,
    string Opening,
    Guid StartedBy,
    string StartedByName,
    int Comments,
    int OpenChallenges,
    DateTimeOffset LastActivity);
