using System.Text;
using System.Text.RegularExpressions;
using Forensics.Analysis;
using Forensics.Pipeline.Listing;
using Forensics.Reports;

namespace Forensics.Cli;

/// <summary>
/// What <c>--baseline</c> names: inputs, by a path (as given on the command line, relative to a root, or as the
/// reports show it) or by a glob of paths (<c>*</c> and <c>?</c> within a folder, <c>**</c> across folders), whose
/// captures are the baselines of their program groups (the first in natural order where a group has several); else a
/// capture id. Inputs are found before anything is imported; a capture id can only be checked after, as the captures
/// make the ids.
/// </summary>
internal sealed record BaselineChoice(string Text, IReadOnlyList<string> InputPaths)
{
    private const int ClosestShown = 3;

    /// <summary>The inputs of a listing under the names a user may give them.</summary>
    public static IReadOnlyList<Candidate> Candidates(InputList inputs, IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(roots);
        var fullRoots = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).ToList();
        return [.. inputs.Files.Select(f => new Candidate(f.DisplayPath, [
            f.DisplayPath, f.FullPath,
            .. fullRoots.Where(r => f.FullPath.StartsWith(r + "/", StringComparison.Ordinal)).Select(r => f.FullPath[(r.Length + 1)..])]))];
    }

    /// <summary>Inputs known only by the path the reports show (the kept results <c>merge</c> reads).</summary>
    public static IReadOnlyList<Candidate> Candidates(IEnumerable<string> displayPaths) =>
        [.. displayPaths.Select(p => new Candidate(p, [p]))];

    /// <summary>
    /// The inputs <paramref name="text"/> names among <paramref name="candidates"/> (in path order), or a
    /// capture id to look for after the import when no input matches and the text could be an id (ids are
    /// <c>[a-z0-9._+~-]</c>, never with a <c>/</c>); false, with a line naming the closest inputs, for a path or glob that matches none.
    /// </summary>
    public static bool TryChoose(string? text, IReadOnlyList<Candidate> candidates, out BaselineChoice? choice, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        (choice, problem) = (null, null);
        if (text is null)
            return true;
        var fullText = Path.GetFullPath(text);
        Func<string, bool> matches = IsGlob(text) ? Glob(text).IsMatch : name => name == text || name == fullText;
        var globsFileNames = IsGlob(text) && !text.Contains('/', StringComparison.Ordinal);
        var matched = candidates
            .Where(c => c.Names.Any(matches) || (globsFileNames && matches(FileName(c.DisplayPath))))
            .Select(c => c.DisplayPath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (matched.Count > 0 || IsCaptureId(text))
        {
            choice = new BaselineChoice(text, matched);
            return true;
        }
        var names = candidates.SelectMany(c => ((string, string)[])[(c.DisplayPath, c.DisplayPath), (c.DisplayPath, FileName(c.DisplayPath))]);
        problem = "--baseline: [" + text + "] matches no input" + Closest(text, names) + "; give an input's path, a glob of them or a capture id.";
        return false;
    }

    /// <summary>The ids of the chosen captures in <paramref name="run"/>; false with a line naming the closest ids when there are none.</summary>
    public bool TryFindCaptures(AnalysisRun run, out IReadOnlyList<string> captureIds, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(run);
        problem = null;
        if (InputPaths.Count == 0)
        {
            captureIds = run.Captures.Any(c => c.Capture.Id == Text) ? [Text] : [];
            if (captureIds.Count == 0)
            {
                var ids = run.Captures.Select(c => (c.Capture.Id, c.Capture.Id));
                problem = "--baseline: no capture has the id [" + Text + "]" + Closest(Text, ids) + "; give one of the ids or an input's path.";
            }
        }
        else
        {
            var paths = new HashSet<string>(InputPaths, StringComparer.Ordinal);
            captureIds = [.. run.Inputs.Where(i => paths.Contains(i.Path)).SelectMany(i => i.CaptureIds)];
            if (captureIds.Count == 0)
                problem = "--baseline: [" + Text + "] names the input" + (InputPaths.Count > 1 ? "s" : "") + " [" + string.Join("], [", InputPaths.Take(ClosestShown)) + "]"
                    + (InputPaths.Count > ClosestShown ? " and " + (InputPaths.Count - ClosestShown) + " more" : "")
                    + ", which gave no capture in this run; give another input or a capture id.";
        }
        return captureIds.Count > 0;
    }

    /// <summary>An input under every name it can be given: the path the reports show first.</summary>
    internal sealed record Candidate(string DisplayPath, IReadOnlyList<string> Names);

    private static bool IsGlob(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    private static bool IsCaptureId(string text) =>
        text.Length > 0 && (char.IsAsciiLetterLower(text[0]) || char.IsAsciiDigit(text[0]))
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '+' or '~' or '-');

    private static string FileName(string displayPath) => displayPath[(displayPath.LastIndexOf('/') + 1)..];

    private static Regex Glob(string pattern)
    {
        var expression = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern.AsSpan(i).StartsWith("**"))
            {
                expression.Append(".*");
                i++;
            }
            else
            {
                expression.Append(pattern[i] switch { '*' => "[^/]*", '?' => "[^/]", var c => Regex.Escape(c.ToString()) });
            }
        }
        return new Regex(expression.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary><c>; the closest are [a], [b]</c>: the values with a name fewest edits away from <paramref name="text"/>.</summary>
    private static string Closest(string text, IEnumerable<(string Value, string Name)> names)
    {
        var closest = names.Select(n => (n.Value, Distance: EditDistance(text, n.Name)))
            .GroupBy(n => n.Value, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Distance: g.Min(n => n.Distance)))
            .OrderBy(v => v.Distance).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(ClosestShown)
            .Select(v => "[" + v.Value + "]")
            .ToList();
        return closest.Count == 0 ? "" : "; the closest are " + string.Join(", ", closest);
    }

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions that turn one text into the other.</summary>
    private static int EditDistance(string first, string second)
    {
        var previous = new int[second.Length + 1];
        var current = new int[second.Length + 1];
        for (var j = 0; j <= second.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var substitution = previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[second.Length];
    }
}
