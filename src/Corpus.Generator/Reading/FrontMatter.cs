using System;
using System.Collections.Generic;
using System.IO;
using Corpus.Generator.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Corpus.Generator.Reading;

/// <summary>A value of the front matter and where it is in the seed.</summary>
internal sealed record FrontMatterValue(string Value, TextRange Range);

/// <summary>
/// The Jekyll front matter of a seed (<c>---</c> YAML <c>---</c> before everything else), as far as the article uses it.
/// Produced by <see cref="SeedReader"/>; nothing is decoded beyond YAML itself.
/// </summary>
/// <param name="Range">From the opening <c>---</c> to the end of the closing one.</param>
/// <param name="IsValid">False when the YAML could not be read; every value is then absent.</param>
/// <param name="Title">The <c>title</c> scalar; null when absent or empty.</param>
/// <param name="Date">The <c>date</c> scalar as written (for example <c>2020-08-06T10:57:23.000Z</c>).</param>
/// <param name="Author">The <c>author</c> scalar.</param>
/// <param name="From">The <c>from</c> scalar: the article's address in the wrapped variant.</param>
/// <param name="Tags">The <c>tags</c>: a sequence's scalars, or a scalar split at whitespace as Jekyll does; empty when absent.</param>
/// <param name="Categories">The <c>categories</c>, read like <see cref="Tags"/>.</param>
internal sealed record FrontMatter(
    TextRange Range,
    bool IsValid,
    FrontMatterValue? Title,
    FrontMatterValue? Date,
    FrontMatterValue? Author,
    FrontMatterValue? From,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories);

/// <summary>Reads the YAML between the front matter's fences with YamlDotNet's representation model.</summary>
internal static class FrontMatterParser
{
    /// <summary>What went wrong with YAML that could not be read: offsets into the YAML text given.</summary>
    internal readonly record struct YamlError(int Start, int End, string Detail);

    internal sealed record Values(
        (string Value, int Start, int End)? Title,
        (string Value, int Start, int End)? Date,
        (string Value, int Start, int End)? Author,
        (string Value, int Start, int End)? From,
        IReadOnlyList<string> Tags,
        IReadOnlyList<string> Categories);

    /// <summary>Parses <paramref name="yaml"/>; exactly one of the results is set.</summary>
    public static (Values? Values, YamlError? Error) Parse(string yaml)
    {
        YamlStream stream;
        try
        {
            if (TooDeep(yaml) is { } tooDeep)
            {
                return (null, tooDeep);
            }

            stream = new YamlStream();
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            return (null, new YamlError(ClampIndex(exception.Start.Index, yaml), ClampIndex(exception.End.Index, yaml), Describe(exception)));
        }
        catch (Exception exception)
        {
            // YamlDotNet may throw other exceptions on odd input; the seed must never crash the build.
            return (null, new YamlError(0, yaml.Length, exception.GetType().Name));
        }

        if (stream.Documents.Count == 0)
        {
            return (new Values(null, null, null, null, [], []), null);
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var root = stream.Documents[0].RootNode;
            return (null, new YamlError(ClampIndex(root.Start.Index, yaml), ClampIndex(root.End.Index, yaml), "the front matter is not one mapping of keys to values"));
        }

        (string, int, int)? title = null, date = null, author = null, from = null;
        IReadOnlyList<string> tags = [], categories = [];
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            switch (key)
            {
                case "title":
                    title = Scalar(entry.Value, yaml);
                    break;
                case "date":
                    date = Scalar(entry.Value, yaml);
                    break;
                case "author":
                    author = Scalar(entry.Value, yaml);
                    break;
                case "from":
                    from = Scalar(entry.Value, yaml);
                    break;
                case "tags":
                    tags = List(entry.Value);
                    break;
                case "categories":
                    categories = List(entry.Value);
                    break;
            }
        }

        return (new Values(title, date, author, from, tags, categories), null);
    }

    /// <summary>Front matter is a flat mapping; deeper nesting than this is no Jekyll front matter.</summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// <see cref="YamlStream.Load(TextReader)"/> builds nodes recursively: YAML nested a few ten thousand levels deep
    /// (<c>[[[[…</c>) overflows the compiler's stack, which no catch can stop and which kills the whole build. The
    /// event parser is a state machine, so it walks any depth safely first.
    /// </summary>
    private static YamlError? TooDeep(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case SequenceStart or MappingStart when ++depth > MaxDepth:
                    var at = parser.Current!.Start.Index;
                    return new YamlError(ClampIndex(at, yaml), ClampIndex(at + 1, yaml), "it is nested more than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels deep");
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    private static (string, int, int)? Scalar(YamlNode node, string yaml)
    {
        if (node is not YamlScalarNode { Value: { } value } || TextNormalizer.Normalize(value).Length == 0)
        {
            return null;
        }

        return (value, ClampIndex(node.Start.Index, yaml), ClampIndex(node.End.Index, yaml));
    }

    private static IReadOnlyList<string> List(YamlNode node)
    {
        var items = new List<string>();
        if (node is YamlSequenceNode sequence)
        {
            foreach (var child in sequence.Children)
            {
                if (child is YamlScalarNode { Value: { } value })
                {
                    Add(items, TextNormalizer.Normalize(value));
                }
            }
        }
        else if (node is YamlScalarNode { Value: { } value })
        {
            // Jekyll reads a string of tags as space-separated names.
            foreach (var part in TextNormalizer.Normalize(value).Split(' '))
            {
                Add(items, part);
            }
        }

        return items;

        static void Add(List<string> items, string value)
        {
            if (value.Length > 0 && !items.Contains(value))
            {
                items.Add(value);
            }
        }
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes its message with "(Line: 3, Col: 1, Idx: …) - (…):", positions the diagnostic already carries.
        var message = exception.Message;
        var colon = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(", StringComparison.Ordinal) && colon >= 0)
        {
            message = message.Substring(colon + 3);
        }

        return TextNormalizer.Normalize(message);
    }

    private static int ClampIndex(long index, string yaml) => (int)Math.Max(0, Math.Min(index, yaml.Length));
}
