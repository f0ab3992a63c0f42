using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Forensics.Pipeline;

/// <summary>Wall-clock time of each phase of a run (list, import, analysis, comparison, writing), in the order first measured.</summary>
public sealed class PhaseTimings
{
    private readonly List<(string Phase, TimeSpan Time)> _phases = [];

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
                text.Append(text.Length == 0 ? "" : ", ").Append(phase).Append(' ').Append(Seconds(time));
            return text.Append("; total ").Append(Seconds(new TimeSpan(_phases.Sum(p => p.Time.Ticks)))).ToString();
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
