/// <summary>
/// The one text analysis of search, used when the generator builds the index and when a query is read, so that the two
/// cannot disagree (compiled into the generator as a linked file, like <see cref="ArticleUrlKey"/>).
/// </summary>
/// <remarks>
/// A text is cut into tokens. Chinese, Japanese and Korean characters (<see cref="IsCjk(char)"/>) are a token each, so a
/// CJK term is found as a substring, single characters included, with no dictionary. Any other run of letters and
/// digits is a word; a CJK character, punctuation or a space ends it (<c>COVID-19</c> is <c>covid</c>, <c>19</c>;
/// <c>在TikTok上</c> is <c>在</c>, <c>tiktok</c>, <c>上</c>). Words are folded: lower case, full-width forms to ASCII,
/// Latin letters without their diacritics. Positions count tokens; between two CJK characters that something
/// separates, one position is skipped, so that a phrase of CJK characters only matches where they touch.
/// </remarks>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
static partial class SearchAnalyzer
{
    /// <summary>Longer words are cut to this many characters (index and query alike).</summary>
    public const int MaxWordLength = 64;

    /// <summary>One token: its term, its position, and where it is in the text analysed.</summary>
    public struct Token
    {
        public Token(string term, int position, int start, int length, bool isCjk)
        {
            Term = term;
            Position = position;
            Start = start;
            Length = length;
            IsCjk = isCjk;
        }

        /// <summary>The folded word, or the CJK character (two UTF-16 units outside the BMP).</summary>
        public string Term { get; }

        public int Position { get; }

        public int Start { get; }

        public int Length { get; }

        public bool IsCjk { get; }

        public int End => Start + Length;
    }

    // Latin letters with diacritics → their base letter ('.' keeps the letter): U+00C0–U+024F and U+1E00–U+1EFF, from
    // Unicode's canonical decompositions, plus the letters that have none (ø, đ, ł, ħ, ı). A table, not
    // string.Normalize: the same on every runtime, and invariant-globalization mode has no normalisation.
    private const string Latin =
        "aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.yaaaaaaccccccccdd" +
        "ddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllll..llnnnnnn...oooooo..rrrrrrssssss" +
        "sstttt..uuuuuuuuuuuuwwyyyzzzzzz.................................oo.............u" +
        "u............................aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa...." +
        "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

    private const string LatinExtended =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" +
        "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" +
        "wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
        "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    private static readonly string[] Ascii = AsciiStrings();

    // MethodImplOptions.AggressiveOptimization (netstandard2.0 lacks the name) for the helpers called on every character:
    // the generator analyses every seed in a fresh compiler, whose tiered JIT would run them as first-tier code all build.
    private const global::System.Runtime.CompilerServices.MethodImplOptions PerCharacter = (global::System.Runtime.CompilerServices.MethodImplOptions)512;

    /// <summary>Whether a UTF-16 unit is a Chinese, Japanese or Korean character (Han, kana, Hangul, bopomofo): a token of its own.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(PerCharacter)]
    public static bool IsCjk(char c) =>
        // Below U+1100 (ASCII, Latin, Greek, Cyrillic…) nothing is: one comparison instead of eighteen.
        c >= '\u1100' && ((c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uAC00' && c <= '\uD7AF')
        || (c >= '\u3040' && c <= '\u309F') || (c >= '\u30A1' && c <= '\u30FF' && c != '\u30FB')
        || (c >= '\u3005' && c <= '\u3007') || (c >= '\u3021' && c <= '\u3029') || (c >= '\u3031' && c <= '\u3035')
        || (c >= '\u3100' && c <= '\u318F') || (c >= '\u31A0' && c <= '\u31BF') || (c >= '\u31F0' && c <= '\u31FF')
        || (c >= '\u1100' && c <= '\u11FF') || (c >= '\uA960' && c <= '\uA97F') || (c >= '\uD7B0' && c <= '\uD7FF')
        || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\u2E80' && c <= '\u2FDF') || (c >= '\uFF66' && c <= '\uFF9F')
        || (c >= '\uFFA0' && c <= '\uFFDC'));

    // The supplementary ideographs (extensions B and later, compatibility supplement): U+20000–U+3FFFF.
    internal static bool IsCjkHighSurrogate(char c) => c >= '\uD840' && c <= '\uD8BF';

    /// <summary>
    /// A character as words are compared: full-width forms as ASCII, lower case, Latin letters without diacritics;
    /// <c>'\0'</c> for a character that a word skips (combining marks, zero-width characters, the soft hyphen).
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(PerCharacter)]
    public static char Fold(char c)
    {
        if (c < '\u0080')
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            return Fold((char)(c - 0xFEE0));
        }

        if ((c >= '\u0300' && c <= '\u036F') || (c >= '\u200B' && c <= '\u200D') || c == '\u00AD' || c == '\uFEFF' || c == '\u2060')
        {
            return '\0';
        }

        if (c >= '\u00C0' && c < '\u00C0' + 400 && Latin[c - 0xC0] != '.')
        {
            return Latin[c - 0xC0];
        }

        if (c >= '\u1E00' && c <= '\u1EFF' && LatinExtended[c - 0x1E00] != '.')
        {
            return LatinExtended[c - 0x1E00];
        }

        return HasNoLowerCase(c) ? c : char.ToLowerInvariant(c);
    }

    /// <summary>
    /// Whether <paramref name="c"/> lies where Unicode maps nothing to lower case: Latin-1's signs, punctuation and
    /// symbols, CJK punctuation, Hangul, everything past U+A7FF but the full-width capitals. Such a character
    /// is its own lower case without asking <c>char.ToLowerInvariant</c>, which calls ICU for every character past ASCII:
    /// in Chinese text the punctuation (<c>，。、“”《》</c>) made those calls 40% of the generator's analysis.
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(PerCharacter)]
    internal static bool HasNoLowerCase(char c) =>
        (c >= '\u0080' && c < '\u00C0') || (c >= '\u2000' && c < '\u2126') || (c >= '\u2190' && c < '\u24B6') || (c >= '\u2500' && c < '\u2C00')
        || (c >= '\u2D00' && c < '\uA640') || (c >= '\uA800' && (c < '\uFF21' || c > '\uFF3A'));

    /// <summary>Whether a folded character belongs to a word.</summary>
    private static bool IsWordCharacter(char folded) => folded != '\0' && char.IsLetterOrDigit(folded);

    /// <summary>The tokens of <paramref name="text"/>, appended to <paramref name="tokens"/>, positions from 0.</summary>
    public static void Tokenize(string text, global::System.Collections.Generic.List<Token> tokens) => Tokenize(text, 0, text.Length, tokens);

    /// <summary>
    /// The tokens of the characters from <paramref name="from"/> to <paramref name="end"/> of <paramref name="text"/>,
    /// positions from 0: the whole text's tokens there (their positions shifted alike) when both are at a white space
    /// or just after a CJK character (<see cref="SafeStart"/>, <see cref="SafeEnd"/>).
    /// </summary>
    public static void Tokenize(string text, int from, int end, global::System.Collections.Generic.List<Token> tokens)
    {
        var sink = new TokenList(text, tokens);
        Tokenize(text, from, end, new char[MaxWordLength], ref sink);
    }

    /// <summary>What <see cref="Tokenize{TSink}"/> hands each token to, with no string made for it.</summary>
    public interface ITokenSink
    {
        /// <summary>A CJK character: the <paramref name="length"/> (1, or 2 outside the BMP) units of the text at <paramref name="start"/>.</summary>
        void Cjk(int position, int start, int length);

        /// <summary>A word: its folded characters, the first <paramref name="foldedLength"/> of <paramref name="word"/>, and where it is in the text.</summary>
        void Word(char[] word, int foldedLength, int position, int start, int length);
    }

    /// <summary>
    /// The tokens of the characters from <paramref name="from"/> to <paramref name="end"/> of <paramref name="text"/>,
    /// positions from 0, each handed to <paramref name="sink"/> in order: the one definition of a token, for queries
    /// and snippets (<see cref="Token"/> lists) and for the generator's analysis (no string per token).
    /// <paramref name="word"/> is the scratch for a word's folded characters (<see cref="MaxWordLength"/> at least).
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl((global::System.Runtime.CompilerServices.MethodImplOptions)512)]
    public static void Tokenize<TSink>(string text, int from, int end, char[] word, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var position = -1;
        var previousEnd = -1;
        var previousCjk = false;
        var i = from;
        while (i < end)
        {
            var c = text[i];
            var cjkLength = IsCjk(c) ? 1
                : IsCjkHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2
                : 0;
            if (cjkLength > 0)
            {
                // Two CJK characters that something separates are one position further apart than two that touch.
                position += previousCjk && previousEnd != i ? 2 : 1;
                sink.Cjk(position, i, cjkLength);
                previousEnd = i + cjkLength;
                previousCjk = true;
                i += cjkLength;
                continue;
            }

            var folded = Fold(c);
            if (!IsWordCharacter(folded))
            {
                i += char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                continue;
            }

            var start = i;
            var length = 0;
            while (i < end && !IsCjk(text[i]))
            {
                folded = Fold(text[i]);
                if (folded != '\0')
                {
                    if (!char.IsLetterOrDigit(folded))
                    {
                        break;
                    }

                    if (length < MaxWordLength)
                    {
                        word[length++] = folded;
                    }
                }

                i++;
            }

            position++;
            sink.Word(word, length, position, start, i - start);
            previousEnd = i;
            previousCjk = false;
        }
    }

    /// <summary>The tokens as <see cref="Token"/>s, their terms as strings (one per CJK character seen, shared).</summary>
    private readonly struct TokenList : ITokenSink
    {
        private readonly string _text;
        private readonly global::System.Collections.Generic.List<Token> _tokens;

        public TokenList(string text, global::System.Collections.Generic.List<Token> tokens)
        {
            _text = text;
            _tokens = tokens;
        }

        public void Cjk(int position, int start, int length) =>
            _tokens.Add(new Token(length == 1 ? CjkString(_text[start]) : _text.Substring(start, 2), position, start, length, true));

        public void Word(char[] word, int foldedLength, int position, int start, int length) =>
            _tokens.Add(new Token(WordString(word, foldedLength), position, start, length, false));
    }

    /// <summary>The first place at or after <paramref name="limit"/> where a text can be cut without cutting a token: a white space, or just after a CJK character; else its end.</summary>
    public static int SafeEnd(string text, int limit)
    {
        for (var i = global::System.Math.Max(1, limit); i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || IsCjk(text[i - 1]))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The last place at or before <paramref name="limit"/> where a text can be cut without cutting a token: just after a white space or a CJK character; else its start.</summary>
    public static int SafeStart(string text, int limit)
    {
        for (var i = global::System.Math.Min(limit, text.Length); i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i - 1]) || IsCjk(text[i - 1]))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Whether a term is one CJK character (a unigram: the index keeps its documents and counts, not its positions).</summary>
    public static bool IsCjkTerm(string term) =>
        term.Length == 1 ? IsCjk(term[0]) : term.Length == 2 && IsCjkHighSurrogate(term[0]) && char.IsLowSurrogate(term[1]);

    /// <summary>
    /// The index term of two CJK characters that touch (positions p and p + 1): the index keeps its positions, so a
    /// CJK term of two characters is one list and a longer one is bigrams checked by position.
    /// </summary>
    public static string Bigram(string first, string second) => string.Concat(first, second);

    /// <summary>Whether token <paramref name="i"/> and the next are CJK characters that touch: the index holds them as one <see cref="Bigram"/>.</summary>
    public static bool StartsBigram(global::System.Collections.Generic.List<Token> tokens, int i) =>
        tokens[i].IsCjk && i + 1 < tokens.Count && tokens[i + 1].IsCjk && tokens[i + 1].Position == tokens[i].Position + 1;

    /// <summary>Whether an index term is a <see cref="Bigram"/>: CJK, but not one character (<see cref="IsCjkTerm"/>).</summary>
    public static bool IsBigramTerm(string term) =>
        term.Length > 0 && !IsCjkTerm(term) && (IsCjk(term[0]) || IsCjkHighSurrogate(term[0]));

    /// <summary>The index term of a tag (<c>Article.Tags</c>): <see cref="TagMark"/> and the tag in lower case.</summary>
    public static string TagTerm(string tag) => TagMark + tag.Trim().ToLowerInvariant();

    /// <summary>The first character of every tag term: no token starts with it, so a tag never matches a word.</summary>
    public const char TagMark = '\u0001';

    /// <summary>
    /// The index term of a CJK character where a word is the token just before or just after it (<c>年</c> in
    /// <c>2020年</c>, <c>第</c> in <c>第1</c>): <see cref="WordNeighbourMark"/> and the character. The index keeps its
    /// positions there, so a query's lone CJK character beside a word (<c>2020年</c>, <c>3月</c>, <c>A股</c>) is checked by
    /// position like a bigram, never by reading the articles.
    /// </summary>
    public static string WordNeighbourTerm(string character) => WordNeighbourMark + character;

    /// <summary>The first character of every <see cref="WordNeighbourTerm"/>: no token starts with it.</summary>
    public const char WordNeighbourMark = '\u0002';

    /// <summary>The tokens of <paramref name="text"/> in a new list.</summary>
    public static global::System.Collections.Generic.List<Token> Tokenize(string text)
    {
        var tokens = new global::System.Collections.Generic.List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    // One string per CJK character seen, by its code: the index, snippets and the scan see the same few thousand
    // characters again and again (a race stores equal strings: harmless).
    private static readonly string?[] CjkStrings = new string?[0x10000];

    private static string CjkString(char c) => CjkStrings[c] ??= c.ToString();

    private static string WordString(char[] word, int length) =>
        length == 1 && word[0] < '\u0080' ? Ascii[word[0]] : new string(word, 0, length);

    private static string[] AsciiStrings()
    {
        var strings = new string[128];
        for (var c = 0; c < strings.Length; c++)
        {
            strings[c] = ((char)c).ToString();
        }

        return strings;
    }
}
