using System;
using System.Globalization;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

internal static partial class CorpusEmitter
{
    /// <summary>
    /// One chunk's documented members, one per article, in the order of <c>All</c>: a partial part of the public class,
    /// or of the member classes of the chain that their positions fall in.
    /// </summary>
    public static string EmitMembers(MemberSpec spec)
    {
        var options = spec.Options;
        var visibility = options.IsPublic ? "public" : "internal";
        var data = Qualified(options.Namespace, options.DataClassName);
        var article = Qualified(options.TypesNamespace, "Article");
        var writer = new IndentedWriter(1024 + (spec.Members.Count * 400));
        WriteFileHeader(writer, "The members of the articles of chunk " + spec.Chunk.ToString(CultureInfo.InvariantCulture) + ". Articles: " + spec.Members.Count.ToString(CultureInfo.InvariantCulture) + ".");
        var parts = PartCount(spec.Count, spec.MembersPerType);
        var perType = Math.Max(1, spec.MembersPerType);
        using (OpenNamespace(writer, options.Namespace))
        {
            var start = 0;
            while (start < spec.Members.Count)
            {
                // Members are in position order, so those of one part are consecutive.
                var part = parts == 0 ? -1 : spec.Members[start].Position / perType;
                var end = start;
                while (end < spec.Members.Count && (parts == 0 ? -1 : spec.Members[end].Position / perType) == part)
                {
                    end++;
                }

                if (start > 0)
                {
                    writer.Line();
                }

                var declaration = part < 0
                    ? $"{visibility} static partial class {options.ClassName}"
                    : $"{visibility} abstract partial class {PartName(options.ClassName, part)}";
                using (writer.Open(declaration))
                {
                    for (var i = start; i < end; i++)
                    {
                        var entry = spec.Members[i];
                        if (i > start)
                        {
                            writer.Line();
                        }

                        writer.Line($"/// <summary>{CSharpLiteral.XmlDoc(entry.Article.Title)}</summary>");
                        writer.Line($"/// <remarks>{CSharpLiteral.XmlDoc(Describe(entry.Article))}</remarks>");
                        writer.Line($"public static {article} {entry.Article.Key.MemberName} => {data}.Loaded[{entry.Position.ToString(CultureInfo.InvariantCulture)}];");
                    }
                }

                start = end;
            }
        }

        return writer.ToString();
    }

    private static string Describe(ArticleSummary article)
    {
        var date = article.PublishedAt is { } published
            ? published.ToDateTimeOffset().ToString(published.Precision == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : "undated";
        return $"{article.Outlet}, {date}. Seed: {article.Key.SeedPath}";
    }
}
