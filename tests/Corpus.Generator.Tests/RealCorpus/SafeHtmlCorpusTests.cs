using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corpus.Generator.Bodies;
using Corpus.Generator.Text;
using Xunit.Abstractions;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>
/// Issue 24, measured on every file of the shared corpus: the sanitized <c>Html</c> still shows the reader the article's
/// text (lead, headings, paragraphs), every image of <c>Images</c> and every caption.
/// </summary>
public sealed class SafeHtmlCorpusTests(ITestOutputHelper output)
{
    [SharedCorpusFact]
    public void The_sanitized_html_keeps_the_text_images_and_captions()
    {
        var parser = new HtmlParser();
        long textCharacters = 0, textCharactersShown = 0;
        int images = 0, imagesShown = 0, captions = 0, captionsShown = 0, articles = 0;
        var missing = new List<string>();
        foreach (var file in SharedCorpus.Files(Repository.SharedCorpus!))
        {
            if (SharedCorpus.Read(file.Path).Article is not { } article)
            {
                continue;
            }

            articles++;
            var document = parser.ParseDocument("<!doctype html><html><head></head><body>" + article.Html + "</body></html>");
            var shown = Squeeze(document.Body!.TextContent);
            var blocks = article.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading ?? string.Empty)).Prepend(article.Lead ?? string.Empty);
            foreach (var block in blocks.Select(Squeeze).Where(b => b.Length > 0))
            {
                textCharacters += block.Length;
                if (shown.Contains(block, StringComparison.Ordinal))
                {
                    textCharactersShown += block.Length;
                }
                else
                {
                    missing.Add($"{file.Variant}/{file.Name}: text '{Short(block)}'");
                }
            }

            var sources = document.Body.Descendants<IElement>()
                .Where(e => e.LocalName == "img")
                .Select(e => ImageUrls.Resolve(e.GetAttribute("src")))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var image in article.Images)
            {
                images++;
                if (sources.Contains(image.Url))
                {
                    imagesShown++;
                }
                else
                {
                    missing.Add($"{file.Variant}/{file.Name}: image {image.Url}");
                }

                if (image.Caption is { } caption)
                {
                    captions++;
                    if (shown.Contains(Squeeze(caption), StringComparison.Ordinal))
                    {
                        captionsShown++;
                    }
                    else
                    {
                        missing.Add($"{file.Variant}/{file.Name}: caption '{Short(caption)}'");
                    }
                }
            }
        }

        output.WriteLine($"{articles} articles: text {textCharactersShown:N0} of {textCharacters:N0} characters shown ({100.0 * textCharactersShown / textCharacters:F4}%), images {imagesShown} of {images}, captions {captionsShown} of {captions}");
        missing.Take(50).ToList().ForEach(output.WriteLine);
        Assert.True(articles >= 934, $"{articles} articles");
        Assert.True(textCharactersShown >= textCharacters * 0.9999, $"text shown {textCharactersShown} of {textCharacters}");
        Assert.Equal(images, imagesShown);
        Assert.Equal(captions, captionsShown);
    }

    /// <summary>The text with whitespace and the characters normalisation removes taken out: what is compared is the words.</summary>
    private static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in TextNormalizer.Normalize(text))
        {
            if (!char.IsWhiteSpace(c) && !TextNormalizer.IsWhitespace(c) && !TextNormalizer.IsRemoved(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Short(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "…";
}
