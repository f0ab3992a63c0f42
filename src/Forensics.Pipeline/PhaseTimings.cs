using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Forensics.Pipeline;

/// <summary>Wall-clock time of each phase of a run (list, import, analysis, comparison, writing), in the order first measured.</summary>
public sealed class PhaseTimings
{
    private readonly List<(string Phase, TimeSpan Time)> _phases = [];
    private readonly Dictionary<string, string> _beside = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="work"/> and adds its time to <paramref name="phase"/>.</summary>
    public T Measure<T>(string phase, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(phase, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Runs <paramref name="work"/> and adds its time to <paramref name="phase"/>.</summary>
    public void Measure(string phase, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Measure(phase, () =>
        {
            work();
            return 0;
        });
    }

    /// <summary>
    /// Adds time spent beside another phase (hashing, on other threads during the import): shown as
    /// <c>hash 0.3 s beside import</c>, left out of the total, which is wall-clock time.
    /// </summary>
    public void AddBeside(string phase, string besidePhase, TimeSpan time)
    {
        ArgumentNullException.ThrowIfNull(besidePhase);
        lock (_phases)
            _beside[phase] = besidePhase;
        Add(phase, time);
    }

    public void Add(string phase, TimeSpan time)
    {
        lock (_phases)
        {
            var index = _phases.FindIndex(p => p.Phase == phase);
            if (index < 0)
                _phases.Add((phase, time));
            else
                _phases[index] = (phase, _phases[index].Time + time);
        }
    }

    /// <summary>One line: <c>list 0.1 s, import 12.3 s, …; total 15.0 s</c>.</summary>
    public override string ToString()
    {
        lock (_phases)
        {
            var text = new StringBuilder();
            foreach (var (phase, time) in _phases)
                text.Append(text.Length == 0 ? "" : ", ").Append(phase).Append(' ').Append(Seconds(time))
                    .Append(_beside.TryGetValue(phase, out var besidePhase) ? " beside " + besidePhase : "");
            var total = new TimeSpan(_phases.Where(p => !_beside.ContainsKey(p.Phase)).Sum(p => p.Time.Ticks));
            return text.Append("; total ").Append(Seconds(total)).ToString();
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
