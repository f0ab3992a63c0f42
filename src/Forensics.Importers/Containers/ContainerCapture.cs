using Forensics.Importers.Normalisation;
using Forensics.Model;

namespace Forensics.Importers.Containers;

/// <summary>The one capture of a crash container that holds a maps listing and a core of the same process instance.</summary>
internal static class ContainerCapture
{
    /// <summary>
    /// The maps and the core merged, their disagreements listed, when both hold regions; else whichever there is (a
    /// core without regions keeps its diagnostics on the maps); an empty capture when there is neither.
    /// </summary>
    public static CaptureBuilder Combine(CaptureBuilder? maps, CaptureBuilder? core, string inputPath, CaptureFormat format)
    {
        CaptureBuilder capture;
        if (maps is not null && core is not null && core.Regions.Count > 0)
        {
            capture = CaptureMerge.Combine([CaptureNormalizer.Normalize(maps), CaptureNormalizer.Normalize(core)]);
            // One input: the parts are not separate inputs.
            capture.MergedInputs.Clear();
        }
        else
        {
            capture = core ?? maps ?? new CaptureBuilder();
            if (maps is not null && core is not null)
            {
                capture = maps;
                capture.Diagnostics.AddRange(core.Diagnostics.Items);
            }
        }
        capture.InputPath = inputPath;
        capture.LineRange = null;
        capture.Format = format;
        return capture;
    }
}
