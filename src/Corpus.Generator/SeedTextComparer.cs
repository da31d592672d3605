using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Corpus.Generator;

/// <summary>
/// Seed files are equal when their path and text are. The compiler server's generator cache hands the cached driver
/// every additional file as a new object on every build (read from disk again; Roslyn's own AdditionalTextComparer
/// compares them so only where the compiler does): compared by reference, every seed would be read and parsed again.
/// </summary>
internal sealed class SeedTextComparer : IEqualityComparer<AdditionalText>
{
    public static readonly SeedTextComparer Instance = new();

    public bool Equals(AdditionalText? x, AdditionalText? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || !string.Equals(x.Path, y.Path, StringComparison.Ordinal))
        {
            return false;
        }

        var xText = x.GetText();
        var yText = y.GetText();
        if (xText is null || yText is null)
        {
            // Both unreadable (the compiler reports the file): equally so.
            return xText is null && yText is null;
        }

        return xText.Length == yText.Length && xText.ContentEquals(yText);
    }

    public int GetHashCode(AdditionalText obj) => StringComparer.Ordinal.GetHashCode(obj.Path);
}
