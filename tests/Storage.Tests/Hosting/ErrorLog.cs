using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Quorum.Storage.Tests.Hosting;

/// <summary>Collects every log entry at Error or above, so that a test can fail on errors it did not expect.</summary>
internal sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyList<string> Entries => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
            }
        }
    }
}
