namespace Corpus.Generator.Planning;

/// <summary>
/// FNV-1a over UTF-16 code units: ordinal, and stable across processes and runtimes, unlike string.GetHashCode (a
/// chunk is a bit mask of its Ids' hashes, so the layout must not change from one build to the next).
/// </summary>
internal static class Fnv1a
{
    public static uint Hash(string text) => Hash(text, 0, text.Length);

    public static uint Hash(string text, int start, int length)
    {
        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = unchecked((hash ^ text[i]) * 16777619u);
        }

        return hash;
    }
}
