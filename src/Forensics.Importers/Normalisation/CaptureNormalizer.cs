using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Turns what an importer produced into the model of docs/region-model.md#normalisation: regions sorted by start (out-of-order and overlapping
/// regions reported, not guessed at), the architecture decided from evidence, every unclassified region given a
/// kind, and the ELF images grouped into modules.
/// </summary>
public static class CaptureNormalizer
{
    /// <summary>
    /// Normalises <paramref name="capture"/> in place. Kinds and an architecture an importer already set are kept;
    /// modules are rebuilt from the regions each time.
    /// </summary>
    public static void Normalize(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        RegionOrdering.Sort(capture);
        ArchitectureDetector.Detect(capture);
        var images = ImageMap.Build(capture);
        // Kinds read a Linux process layout into the regions; another system's core or a kernel's vmcore has none.
        if (capture.UnsupportedReason is null)
            RegionClassifier.Classify(capture, images);
        ModuleBuilder.Build(capture, images);
    }
}
