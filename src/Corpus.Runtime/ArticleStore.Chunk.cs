partial class ArticleStore
{
    /// <summary>
    /// One chunk's data class, in slot order (by Id): H{slot} holds the headers of the articles from that slot to the next
    /// H constant, T{slot} their bodies each followed by its text, Html every article's HTML template, Slots where each
    /// article's header, body, text and template are (<see cref="DataNames.Slots"/>). The constants are found and read by
    /// <see cref="CompiledConstants"/>, where they lie where it can (why groups: Corpus.Generator's docs/architecture.md, Storage).
    /// </summary>
    internal sealed class Chunk
    {
        internal const string Absent = "The corpus data is only part of full builds, not of design-time (IDE) compilations.";

        private readonly CompiledConstants? _constants;
        private readonly string? _className;
        private readonly global::System.Type? _class;
        private readonly string?[] _texts;
        private readonly Article.ArticleBody?[] _read;
        private Parts? _parts;
        private string? _htmlValue;

        /// <summary>
        /// The chunk of the nested class <paramref name="type"/> (found by the generated code) or, without it, of the one
        /// named <paramref name="className"/>: its constants are found on the first value an article reads, not when it is listed.
        /// </summary>
        /// <remarks>Not chained to a common constructor: each constructor is one more method for the JIT while listing.</remarks>
        public Chunk(CompiledConstants constants, global::System.Type? type, string className, int slots)
        {
            _constants = constants;
            _class = type;
            _className = className;
            Slots = slots;
            _texts = new string?[slots];
            _read = new Article.ArticleBody?[slots];
        }

        /// <summary>The chunk over its constants, found already.</summary>
        public Chunk(CompiledConstants.Constant[] constants, int slots)
        {
            Slots = slots;
            _texts = new string?[slots];
            _read = new Article.ArticleBody?[slots];
            _parts = new Parts(constants, slots);
        }

        // A field, not a property: a getter would be one more method for the JIT while listing.
        public readonly int Slots;

        private Parts Data => global::System.Threading.Volatile.Read(ref _parts) ?? Publish(ref _parts, new Parts((_class is null ? _constants!.Of(_className!) : _constants!.Of(_class)) ?? throw new global::System.InvalidOperationException(Absent), Slots));

        /// <summary>
        /// Finds the chunk's constants now and reads a number of its slot table. Listing calls it for one chunk, so that
        /// the code on the way to a first value (finding the constants, reading one, cutting it, the table) is compiled
        /// (JIT) while listing, and a first value pays only for its own chunk's lookup and its group.
        /// </summary>
        public void Prepare() => _ = Find(Data.Table, 0, DataNames.HeaderGroup);

        private string HtmlTemplates => _htmlValue ??= (Data.Html ?? throw new global::System.InvalidOperationException(Absent)).Read().ToString();

        /// <summary>A number of the slot table (<see cref="DataNames.HeaderGroup"/>, …).</summary>
        /// <remarks>
        /// Not compiled optimized at once: a first body's touch waits for its JIT, and optimizing this short loop costs
        /// more than running it unoptimized until the runtime tiers it up.
        /// </remarks>
        private static int Find(string table, int slot, int field)
        {
            var at = ((slot * DataNames.SlotFields) + field) * DataNames.SlotDigits;
            var value = 0;
            for (var i = 0; i < DataNames.SlotDigits; i++)
            {
                value = (value << DataNames.DigitBits) | (table[at + i] - DataNames.FirstDigit);
            }

            return value;
        }

        /// <summary>A reader at the header of the article in <paramref name="slot"/>; by reflection its group's copy is kept for the chunk's life, as its articles read from it.</summary>
        public RecordReader Header(int slot)
        {
            var data = Data;
            return new RecordReader(data.Headers[Find(data.Table, slot, DataNames.HeaderGroup)].Keep(), Find(data.Table, slot, DataNames.HeaderStart));
        }

        /// <summary>
        /// The text of the article in <paramref name="slot"/>: cut out with the other texts of its group, from one read of
        /// the group's constant. One method, as few as can be for the JIT on the way to a first text.
        /// </summary>
        public string Text(int slot)
        {
            var text = global::System.Threading.Volatile.Read(ref _texts[slot]);
            if (text is not null)
            {
                return text;
            }

            var data = Data;
            var table = data.Table;
            var group = Find(table, slot, DataNames.BodyGroup);
            var chars = data.Bodies[group].Read();
            for (var i = data.BodyStarts[group]; i < data.BodyStarts[group + 1]; i++)
            {
                if (global::System.Threading.Volatile.Read(ref _texts[i]) is null)
                {
                    global::System.Threading.Interlocked.CompareExchange(ref _texts[i], chars.Cut(Find(table, i, DataNames.TextStart), Find(table, i, DataNames.TextLength)), null);
                }
            }

            return _texts[slot] ?? throw new global::System.InvalidOperationException(Absent);
        }

        /// <summary>
        /// How often <paramref name="run"/> starts in the text of the article in <paramref name="slot"/>, overlapping
        /// occurrences each counted: from its cut text when one is kept, else from its group's constant where it lies,
        /// keeping nothing (a search reads the texts of many articles once to check a clause: kept, they would stay);
        /// <paramref name="group"/> keeps the group last read for the next article of the same group.
        /// </summary>
        public int CountInText(int slot, string run, ref TextGroup group)
        {
            var text = global::System.Threading.Volatile.Read(ref _texts[slot]);
            if (text is not null)
            {
                return new CompiledConstants.Chars(text).Count(run, 0, text.Length);
            }

            var start = Find(Data.Table, slot, DataNames.TextStart);
            return Group(slot, ref group).Count(run, start, start + Find(Data.Table, slot, DataNames.TextLength));
        }

        /// <summary>
        /// The text of the article in <paramref name="slot"/> for one reading (a search checking a clause reads many):
        /// its cut text when one is kept, else a copy cut from its group's constant that nothing keeps;
        /// <paramref name="group"/> keeps the group last read for the next article of the same group.
        /// </summary>
        public string TextOnce(int slot, ref TextGroup group)
        {
            var text = global::System.Threading.Volatile.Read(ref _texts[slot]);
            return text ?? Group(slot, ref group).Cut(Find(Data.Table, slot, DataNames.TextStart), Find(Data.Table, slot, DataNames.TextLength));
        }

        // The characters of the body group of the article in slot: the group's last read when it is that one (by
        // reflection, a read copies the whole constant).
        private CompiledConstants.Chars Group(int slot, ref TextGroup group)
        {
            var index = Find(Data.Table, slot, DataNames.BodyGroup);
            if (!ReferenceEquals(group.Chunk, this) || group.Index != index)
            {
                group = new TextGroup(this, index, Data.Bodies[index].Read());
            }

            return group.Chars;
        }

        /// <summary>An article's HTML, from its template in the chunk's HTML constant (its articles' templates, one after the other) and its text.</summary>
        public string Html(int slot, string text)
        {
            var table = Data.Table;
            var length = Find(table, slot, DataNames.HtmlLength);
            return length == 0 ? string.Empty : RecordReader.ReadHtml(HtmlTemplates, Find(table, slot, DataNames.HtmlStart), length, text);
        }

        /// <summary>
        /// The body of the article in <paramref name="slot"/>: its group's constant is read once and cut into every body of
        /// the group (by reflection, when the group's texts were not cut yet, it is copied once for them and once for the bodies).
        /// </summary>
        public Article.ArticleBody Body(int slot)
        {
            var body = global::System.Threading.Volatile.Read(ref _read[slot]);
            if (body is not null)
            {
                return body;
            }

            var data = Data;
            var group = Find(data.Table, slot, DataNames.BodyGroup);
            _ = Text(slot); // every text of the group, which its bodies hold
            var chars = data.Bodies[group].Read();
            for (var i = data.BodyStarts[group]; i < data.BodyStarts[group + 1]; i++)
            {
                var read = new RecordReader(chars, Find(data.Table, i, DataNames.BodyStart)).ReadBody(_texts[i]!);
                // Another thread may have read the same group: the first body stored is the one everybody gets.
                read = global::System.Threading.Interlocked.CompareExchange(ref _read[i], read, null) ?? read;
                if (i == slot)
                {
                    body = read;
                }
            }

            return body ?? throw new global::System.InvalidOperationException(Absent);
        }

        /// <summary>Where the chunk's constants are, ordered by the slot in their names (the order of the fields is not documented).</summary>
        private sealed class Parts
        {
            // Fields, not properties: each getter would be one more method for the JIT on the way to a first value.
            public readonly CompiledConstants.Constant[] Headers;
            public readonly CompiledConstants.Constant[] Bodies;

            /// <summary>Each body group's first slot, and one more entry for the end (the chunk's slot count).</summary>
            public readonly int[] BodyStarts;

            /// <summary>The slot table as a string (in place, copied once: 40 characters an article), read without unsafe code.</summary>
            public readonly string Table;
            public readonly CompiledConstants.Constant? Html;

            /// <remarks>A constructor, not a factory and a constructor: one method less for the JIT while listing.</remarks>
            public Parts(CompiledConstants.Constant[] constants, int slots)
            {
                // Arrays and an insertion sort, not a SortedList<int, …>: the JIT would compile that instantiation on first use.
                var headers = new CompiledConstants.Constant[constants.Length];
                var headerStarts = new int[constants.Length];
                var bodies = new CompiledConstants.Constant[constants.Length];
                var bodyStarts = new int[constants.Length + 1];
                int headerCount = 0, bodyCount = 0;
                CompiledConstants.Constant? html = null, table = null;
                foreach (var constant in constants)
                {
                    var name = constant.Name;
                    if (name == DataNames.Html)
                    {
                        html = constant;
                    }
                    else if (name == DataNames.Slots)
                    {
                        table = constant;
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

                // The table is kept as a string for the chunk's life: every first value of an article reads it. Read and
                // Cut (by reflection the copy itself: a Substring of the whole string is that string) are compiled here,
                // while listing, not on the way to a first text.
                var chars = table is null ? default : table.Read();
                var slotTable = chars.Cut(0, chars.Length);
                if (headerCount == 0 || bodyCount == 0 || headerStarts[0] != 0 || bodyStarts[0] != 0
                    || slotTable.Length != slots * DataNames.SlotFields * DataNames.SlotDigits)
                {
                    throw new global::System.InvalidOperationException(Absent);
                }

                global::System.Array.Resize(ref headers, headerCount);
                global::System.Array.Resize(ref bodies, bodyCount);
                global::System.Array.Resize(ref bodyStarts, bodyCount + 1);
                bodyStarts[bodyCount] = slots;
                Headers = headers;
                Bodies = bodies;
                BodyStarts = bodyStarts;
                Table = slotTable;
                Html = html;
            }
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
    }

    /// <summary>The body group a search read last while checking articles (<see cref="Chunk.TextOnce"/>): its chunk, its index and its characters.</summary>
    internal readonly struct TextGroup
    {
        public TextGroup(Chunk chunk, int index, CompiledConstants.Chars chars)
        {
            Chunk = chunk;
            Index = index;
            Chars = chars;
        }

        public Chunk? Chunk { get; }

        public int Index { get; }

        public CompiledConstants.Chars Chars { get; }
    }
}
