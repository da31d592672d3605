using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Corpus.Generator.Emitting;

/// <summary>Names of the generated per-article members, derived from the seed's Id (its file name).</summary>
internal static class MemberNames
{
    /// <summary>Names the generated class already uses or inherits; a seed named so gets a trailing underscore (as do the class name and its part names).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "All", "Count", "FindById", "FindByUrl", "Search", "Related",
        "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString", "Finalize",
    };

    /// <summary>
    /// A valid, stable C# identifier: the Id split at characters an identifier cannot hold, each part starting with a
    /// capital (<c>my-first-story</c> becomes <c>MyFirstStory</c>); underscores and digits are kept; an Id that starts with
    /// a digit gets the prefix <c>Seed_</c> (<c>000_153ef59660deb970</c> becomes <c>Seed_000_153ef59660deb970</c>).
    /// Starting every part with a capital also keeps names clear of C# keywords, which are all lower case.
    /// </summary>
    public static string FromId(string id, string className)
    {
        var builder = new StringBuilder(id.Length + 6);
        var startOfPart = true;
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]);
            var text = pair ? id.Substring(i, 2) : c.ToString();
            var category = pair ? CharUnicodeInfo.GetUnicodeCategory(text, 0) : CharUnicodeInfo.GetUnicodeCategory(c);

            // Format characters are legal in identifiers but ignored when comparing them: two Ids differing only in
            // one would collide in C# while looking distinct here.
            var usable = category != UnicodeCategory.Format
                && (pair ? IsIdentifierText(text) : SyntaxFacts.IsIdentifierPartCharacter(c));
            if (!usable)
            {
                startOfPart = true;
                if (pair)
                {
                    i++;
                }

                continue;
            }

            builder.Append(startOfPart ? text.ToUpperInvariant() : text);
            startOfPart = false;
            if (pair)
            {
                i++;
            }
        }

        var name = builder.ToString();
        if (!SyntaxFacts.IsValidIdentifier(name))
        {
            name = "Seed_" + name;
        }

        if (Reserved.Contains(name) || string.Equals(name, className, StringComparison.Ordinal) || IsPartName(name, className))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>
    /// The base classes of a split corpus are named <c>{class}Part{n}</c> (CorpusEmitter); a member of that name in its
    /// own part would be CS0542. Reserved whatever the corpus size, so that a name does not change as seeds are added.
    /// </summary>
    private static bool IsPartName(string name, string className)
    {
        var prefix = className + "Part";
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = prefix.Length; i < name.Length; i++)
        {
            if (name[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierText(string surrogatePair) =>
        SyntaxFacts.IsValidIdentifier("a" + surrogatePair);
}
