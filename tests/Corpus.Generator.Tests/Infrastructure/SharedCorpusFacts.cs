namespace Corpus.Generator.Tests;

/// <summary>
/// A test of the shared real corpus: reported as skipped, not as passed, on a machine without <c>../shared/corpus</c>
/// (a clean CI clone), so that a green run does not claim checks that did not happen.
/// </summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (Repository.SharedCorpus is null)
        {
            Skip = SharedCorpusAbsent.Reason;
        }
    }
}

/// <inheritdoc cref="SharedCorpusFactAttribute"/>
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (Repository.SharedCorpus is null)
        {
            Skip = SharedCorpusAbsent.Reason;
        }
    }
}

internal static class SharedCorpusAbsent
{
    public const string Reason = "The shared corpus (../shared/corpus or CORPUS_SHARED_CORPUS) is not present.";
}
