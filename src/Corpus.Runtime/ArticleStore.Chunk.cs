partial class ArticleStore
{
    /// <summary>
    /// One chunk's data class, in slot order (by Id): H{slot} holds the headers of the articles from that slot to the next
    /// H constant, T{slot} their bodies each followed by its text, Html every article's HTML template. The constants
    /// are found and read by <see cref="CompiledConstants"/>, where they lie where it can (why groups:
    /// Corpus.Generator's docs/architecture.md, Storage).
    /// </summary>
    internal sealed class Chunk
    {
        internal const string Absent = "The corpus data is only part of full builds, not of design-time (IDE) compilations.";

        private readonly CompiledConstants.Constant[] _bodies;
        private readonly int[] _bodyStarts;
        private readonly CompiledConstants.Constant? _html;
        private readonly Article.ArticleBody?[] _read;
        private string? _htmlValue;

        private Chunk(int slots, CompiledConstants.Constant[] headers, CompiledConstants.Constant[] bodies, int[] bodyStarts, CompiledConstants.Constant? html)
        {
            Slots = slots;
            Headers = headers;
            _bodies = bodies;
            _bodyStarts = bodyStarts;
            _html = html;
            _read = new Article.ArticleBody?[slots];
        }

        public int Slots { get; }

        /// <summary>The header constants, in slot order.</summary>
        public CompiledConstants.Constant[] Headers { get; }

        private string Html => _htmlValue ??= (_html ?? throw new global::System.InvalidOperationException(Absent)).Read().ToString();

        /// <summary>The chunk's constants, ordered by the slot in their names (the order of the fields is not documented).</summary>
        public static Chunk Load(CompiledConstants.Constant[] constants, int slots)
        {
            // Arrays and an insertion sort, not a SortedList<int, …>: the JIT would compile that instantiation on first use.
            var headers = new CompiledConstants.Constant[constants.Length];
            var headerStarts = new int[constants.Length];
            var bodies = new CompiledConstants.Constant[constants.Length];
            var bodyStarts = new int[constants.Length];
            int headerCount = 0, bodyCount = 0;
            CompiledConstants.Constant? html = null;
            foreach (var constant in constants)
            {
                var name = constant.Name;
                if (name == DataNames.Html)
                {
                    html = constant;
                }
                else if (name.Length > 1 && SlotOf(name) is int slot && slot < slots)
                {
                    if (name[0] == DataNames.Headers)
                    {
                        Insert(headers, headerStarts, ref headerCount, slot, constant);
                    }
                    else if (name[0] == DataNames.Bodies)
                    {
                        Insert(bodies, bodyStarts, ref bodyCount, slot, constant);
                    }
                }
            }

            if (headerCount == 0 || bodyCount == 0 || headerStarts[0] != 0 || bodyStarts[0] != 0)
            {
                throw new global::System.InvalidOperationException(Absent);
            }

            global::System.Array.Resize(ref headers, headerCount);
            global::System.Array.Resize(ref bodies, bodyCount);
            global::System.Array.Resize(ref bodyStarts, bodyCount);
            return new Chunk(slots, headers, bodies, bodyStarts, html);
        }

        // The slot in a constant's name after its letter (H37: 37); null when the rest is not all digits.
        private static int? SlotOf(string name)
        {
            var slot = 0;
            for (var i = 1; i < name.Length; i++)
            {
                if (name[i] < '0' || name[i] > '9' || slot > 100_000_000)
                {
                    return null;
                }

                slot = (slot * 10) + (name[i] - '0');
            }

            return slot;
        }

        // Keeps the constants ordered by slot; the emitter writes them in order, so this is an append but for odd metadata.
        private static void Insert(CompiledConstants.Constant[] constants, int[] starts, ref int count, int slot, CompiledConstants.Constant constant)
        {
            var at = count;
            while (at > 0 && starts[at - 1] > slot)
            {
                starts[at] = starts[at - 1];
                constants[at] = constants[at - 1];
                at--;
            }

            starts[at] = slot;
            constants[at] = constant;
            count++;
        }

        /// <summary>An article's HTML, from its template in the chunk's HTML constant (its articles' templates, one after the other) and its text.</summary>
        public string ReadHtml(int offset, int length, string text) => RecordReader.ReadHtml(Html, offset, length, text);

        /// <summary>The body of the article in <paramref name="slot"/>: its group's constant is read once and cut into every body of the group.</summary>
        public Article.ArticleBody Body(int slot)
        {
            var body = global::System.Threading.Volatile.Read(ref _read[slot]);
            if (body is not null)
            {
                return body;
            }

            var group = global::System.Array.BinarySearch(_bodyStarts, slot);
            group = group >= 0 ? group : ~group - 1;
            var end = group + 1 < _bodyStarts.Length ? _bodyStarts[group + 1] : Slots;
            var reader = new RecordReader(_bodies[group].Read(), 0);
            for (var i = _bodyStarts[group]; i < end; i++)
            {
                var read = reader.ReadBody();
                // Another thread may have read the same group: the first body stored is the one everybody gets.
                read = global::System.Threading.Interlocked.CompareExchange(ref _read[i], read, null) ?? read;
                if (i == slot)
                {
                    body = read;
                }
            }

            return body ?? throw new global::System.InvalidOperationException(Absent);
        }
    }
}
