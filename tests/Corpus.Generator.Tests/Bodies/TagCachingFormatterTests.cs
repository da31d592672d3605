using System.IO;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Corpus.Generator.Bodies;
using Corpus.Generator.Tests.RealCorpus;

namespace Corpus.Generator.Tests.Bodies;

/// <summary>
/// The reader serialises the cleaned body with its own start and end tags (<see cref="BodyReader.Serialize"/>): they must
/// be AngleSharp's own, byte for byte, or every generated body would change.
/// </summary>
public sealed class TagCachingFormatterTests
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true }, BrowsingContext.New(Configuration.Default));

    [Theory]
    [InlineData("<p>plain</p><p></p><br><hr><img src=\"x.png\" alt=\"\">")]
    [InlineData("<p class=\"a&amp;b\" title='say \"hi\"' data-x=\"1 &lt; 2 &gt; 0\" lang=\"zh\u00A0cn\">text &amp; more\u00A0</p>")]
    [InlineData("<p hidden id=\"\" CLASS=\"Upper\" onclick=\"x()\">attributes without values and in capitals</p>")]
    [InlineData("<svg viewBox=\"0 0 1 1\"><use xlink:href=\"#a\"></use><foreignObject><p xml:lang=\"en\">x</p></foreignObject></svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><circle r=\"1\"/></svg>")]
    [InlineData("<math><mi>x</mi><annotation-xml encoding=\"text/html\"><p>y</p></annotation-xml></math>")]
    [InlineData("<p is=\"fancy-p\">customised built-in</p><fancy-tag a=\"1\">custom</fancy-tag>")]
    [InlineData("<pre>\nleading newline</pre><textarea>\nkept</textarea><listing>\nx</listing>")]
    [InlineData("<script>if (a < b && c > d) {}</script><style>p > a { }</style><!-- a comment --><noscript><p>x</p></noscript>")]
    [InlineData("<template><p a=\"1\">inside</p></template><table><tr><td colspan=2>cell</td></tr></table>")]
    [InlineData("<divclass=\"m-block-ad\">malformed</divclass=\"m-block-ad\"><p/><br/>")]
    public void Tags_are_written_as_AngleSharp_writes_them(string html)
    {
        var body = Parser.ParseDocument(html).Body!;
        Assert.Equal(body.InnerHtml, BodyReader.Serialize(body));
    }

    [SharedCorpusFact]
    public void Every_shared_corpus_file_serialises_as_AngleSharp_serialises_it()
    {
        foreach (var file in SharedCorpus.Files(Repository.SharedCorpus!))
        {
            // The whole file as HTML: the bodies and more (title lines, front matter) than the reader ever serialises.
            var document = Parser.ParseDocument(File.ReadAllText(file.Path));
            foreach (var root in new[] { document.Head!, document.Body! })
            {
                Assert.True(root.InnerHtml == BodyReader.Serialize(root), file.Path);
            }
        }
    }
}
