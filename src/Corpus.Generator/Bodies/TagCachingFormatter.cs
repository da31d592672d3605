using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;

namespace Corpus.Generator.Bodies;

/// <summary>
/// AngleSharp's HTML formatter with start and end tags written here, byte for byte as its own (see
/// <c>TagCachingFormatterTests</c>), because the base builds several strings per element: a tag without prefix or
/// attributes is built once per thread and name, other start tags are written into one builder.
/// </summary>
/// <remarks>
/// As AngleSharp 1.10's <c>HtmlMarkupFormatter</c> writes them: <c>&lt;</c>, <c>prefix:</c> if any, the local name;
/// each attribute as a space, its name (<c>xml:</c>, <c>xlink:</c> or <c>xmlns:</c> by namespace, else its qualified
/// name) and, unless its value is null, <c>="value"</c> with <c>&amp; &lt; &gt; " U+00A0</c> escaped; <c>&gt;</c>. End
/// tags: <c>&lt;/</c>, <c>prefix:</c>, name, <c>&gt;</c>, nothing when self-closing. The base also writes an
/// <c>is="…"</c> value for an element created by script with one and no <c>is</c> attribute, which a parsed
/// body cannot hold. Text, comments and the walk are the base's.
/// </remarks>
internal sealed class TagCachingFormatter : HtmlMarkupFormatter
{
    public static readonly new TagCachingFormatter Instance = new();

    /// <summary>Names beyond this many (a malformed tag makes a name of its attributes) are not kept.</summary>
    private const int MaxNames = 256;

    /// <summary>A builder that grew past this (a huge attribute) is not kept.</summary>
    private const int MaxRetainedCapacity = 1 << 16;

    private static readonly char[] EscapedInAttributes = ['&', '<', '>', '"', '\u00A0'];

    [ThreadStatic]
    private static Dictionary<string, string>? startTags;

    [ThreadStatic]
    private static Dictionary<string, string>? endTags;

    [ThreadStatic]
    private static StringBuilder? tagBuilder;

    public override string OpenTag(IElement element, bool selfClosing)
    {
        var prefix = element.Prefix;
        var attributes = element.Attributes;
        if (attributes.Length == 0 && string.IsNullOrEmpty(prefix))
        {
            return Cached(startTags ??= new(StringComparer.Ordinal), element.LocalName, "<", ">");
        }

        var builder = (tagBuilder ??= new StringBuilder()).Clear();
        builder.Append('<');
        if (!string.IsNullOrEmpty(prefix))
        {
            builder.Append(prefix).Append(':');
        }

        builder.Append(element.LocalName);
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            builder.Append(' ');
            AppendName(builder, attribute);
            if (attribute.Value is { } value)
            {
                builder.Append('=').Append('"');
                AppendEscaped(builder, value);
                builder.Append('"');
            }
        }

        var tag = builder.Append('>').ToString();
        if (builder.Capacity > MaxRetainedCapacity)
        {
            tagBuilder = null;
        }

        return tag;
    }

    public override string CloseTag(IElement element, bool selfClosing) =>
        !selfClosing && string.IsNullOrEmpty(element.Prefix)
            ? Cached(endTags ??= new(StringComparer.Ordinal), element.LocalName, "</", ">")
            : base.CloseTag(element, selfClosing);

    private static void AppendName(StringBuilder builder, IAttr attribute)
    {
        var namespaceUri = attribute.NamespaceUri;
        var localName = attribute.LocalName;
        if (string.IsNullOrEmpty(namespaceUri))
        {
            builder.Append(localName);
        }
        else if (string.Equals(namespaceUri, NamespaceNames.XmlUri, StringComparison.Ordinal))
        {
            builder.Append(NamespaceNames.XmlPrefix).Append(':').Append(localName);
        }
        else if (string.Equals(namespaceUri, NamespaceNames.XLinkUri, StringComparison.Ordinal))
        {
            builder.Append(NamespaceNames.XLinkPrefix).Append(':').Append(localName);
        }
        else if (string.Equals(namespaceUri, NamespaceNames.XmlNsUri, StringComparison.Ordinal))
        {
            if (!string.Equals(localName, NamespaceNames.XmlNsPrefix, StringComparison.Ordinal))
            {
                builder.Append(NamespaceNames.XmlNsPrefix).Append(':');
            }

            builder.Append(localName);
        }
        else
        {
            builder.Append(attribute.Name);
        }
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        if (value.IndexOfAny(EscapedInAttributes) < 0)
        {
            builder.Append(value);
            return;
        }

        foreach (var c in value)
        {
            var entity = c switch
            {
                '&' => "&amp;",
                '\u00A0' => "&nbsp;",
                '"' => "&quot;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };

            if (entity is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(entity);
            }
        }
    }

    private static string Cached(Dictionary<string, string> tags, string name, string open, string close)
    {
        if (!tags.TryGetValue(name, out var tag))
        {
            tag = open + name + close;
            if (tags.Count < MaxNames)
            {
                tags.Add(name, tag);
            }
        }

        return tag;
    }
}
