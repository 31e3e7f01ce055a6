<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BulkEdit</name>
    <message>
        <source>Enter a prefix, a suffix or text to find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid regular expression at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace “%1” with “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add prefix “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add suffix “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 kHz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stereo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <source>no preset named “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preset “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Stable Audio 3 LoRA training studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder to open (optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::AuditionPage</name>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate Base and LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to &amp;A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to &amp;B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Toggle A/B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bl&amp;ind Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess: A Is the Tuned One</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess: B Is the Tuned One</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve Renders to Run Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export WAV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose R&amp;un Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;LoRA File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rando&amp;m Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;Demo with Step 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Demo Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Dem&amp;o Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload Run &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export WAV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Run Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose LoRA File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA weights (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small SFX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The post-trained model to render with. A LoRA trained on “small-music-base” is heard on “small-music”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training run (renders are saved there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lora.safetensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;LoRA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a prompt or pick a caption from the training data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ste&amp;ps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strongly the LoRA applies: 0 is the base model, 1 as trained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;trength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation demos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt / seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with Step 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base model (or a demo at step 0) appears here after Generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LoRA (or the demo at a later step) appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (seed %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run to browse the demos it rendered while training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No validation demos in this run yet. The trainer renders them every “demo every” steps; reload (%1) to pick up new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no step-0 baseline to compare its demos with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) with demos; %1 and %2 step through them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rendering base and LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step-0 baseline for %1: the run has no complete demos/step-000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading demos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching loudness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loudness-matched: %1 %2 LUFS (%3 dB), %4 %5 LUFS (%6 dB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not loudness-matched: one render is silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (playing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess: A Is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess: B Is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right: %1 was %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong: %1 was %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving renders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build cannot render: it was made without the generator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run or a LoRA file to compare with the base model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::BulkEditCommand</name>
    <message numerus="yes">
        <source>%1 (%n caption(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa3::ui::BulkEditDialog</name>
    <message>
        <source>&amp;Skip captions that already have it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the prefix as the dataset&apos;s &amp;trigger word (lint checks every caption has it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk Edit Captions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. a trigger word: “zyxsynth, ”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a regular expression, \1 inserts the first group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;uffix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and replace (applied first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n selected caption(s) will change.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa3::ui::CaptionEditor</name>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a clip to edit its caption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the clip: instruments, genre, mood, tempo, key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::ClipPane</name>
    <message>
        <source>Play / stop (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clip selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak %1 dBFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clipped sample(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈%1 / %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a clip to see its waveform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::ClipPlayer</name>
    <message>
        <source>Cannot play %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::ClipTableModel</name>
    <message>
        <source>Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate / channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded from training and export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing audio…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::DatasetFileOps</name>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; skipped %n entry(ies) that are neither audio nor captions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n clip(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Adding files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not copied, a file of that name exists or it could not be read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa3::ui::DatasetLoader</name>
    <message>
        <source>Scanning %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing audio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::DatasetPage</name>
    <message>
        <source>&amp;Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Zip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Zip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bulk Edit Captions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclude from Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;nclude in Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the selected clips out of training and export; no file is deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter clips by name or caption (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No dataset open&lt;/h3&gt;&lt;p&gt;Drop audio files, a folder or a fal zip here,&lt;br&gt;or use File → Open Folder (Ctrl+O) or Import Zip (Ctrl+I).&lt;/p&gt;&lt;p&gt;Each clip pairs with a caption file of the same name: &lt;tt&gt;kick.wav&lt;/tt&gt; + &lt;tt&gt;kick.txt&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Analysed %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dataset settings unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The dataset opens with no clips excluded and no trigger word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File operation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save: %1 (your edit is kept and retried)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored (not a folder, zip or supported audio file): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1 into folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset folder to copy the files into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add audio files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import dataset zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export with errors?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Lint found %n error(s) that fal&apos;s trainer would reject. Export anyway?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export dataset zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Changed %n caption(s); Ctrl+Z undoes all of them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Hide Selected Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Hidden &amp;Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select warnings or notes in the issue list to hide them; errors cannot be hidden.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::DurationHistogram</name>
    <message>
        <source>Duration histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 s: %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip duration, seconds (orange: too short, or cropped by the model)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::LiveLossChart</name>
    <message>
        <source>Drag a rectangle to zoom; right-click or Reset Zoom shows the whole run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (every step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::LiveRunView</name>
    <message>
        <source>Lo&amp;g Scale Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Loss &amp;Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt; (faint: every step; solid: moving average; drag to zoom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loss reported: this run gives steps without a loss value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting in fal&apos;s queue (position %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss appears here while a run trains</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::LossOverlayChart</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select runs to compare their loss curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loss points yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::MainWindow</name>
    <message>
        <source>SA3 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SA3 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only local files and folders can be dropped here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SA3 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;SA3 Studio %1&lt;/h3&gt;&lt;p&gt;Curate audio, train Stable Audio 3 LoRAs locally or on fal, and audition them against the base model.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::ModelTableModel</name>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training (LoRAs are auditioned on %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audition (of LoRAs trained on %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ComfyUI single-file layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::ModelsPage</name>
    <message>
        <source>time left unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stable Audio 3 models&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training needs a &lt;i&gt;-base&lt;/i&gt; model; auditioning a LoRA needs the matching post-trained model. Downloads resume where they stopped and are checked against the hub&apos;s sha256 before use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Folder or Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the selected model, or complete a stopped download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash every file of the selected model and compare with the download record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Download or Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measuring speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3 of %4, %5, %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stopped. Downloading again resumes where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 downloaded and checked (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 verified: every file matches its recorded sha256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stable Audio 3 models are gated: open &lt;a href=&quot;%1&quot;&gt;the model page&lt;/a&gt;, accept the licence, then enter your Hugging Face token in Settings (Ctrl+,).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::RenderStore</name>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renders: no run folder chosen to save them in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::RunLogView</name>
    <message>
        <source>The run&apos;s log appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed from step %1 of %2 on %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 steps on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demos at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continued at step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at step %1; a checkpoint holds its state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished at step %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::RunStatusPanel</name>
    <message>
        <source>Step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps trained of the job&apos;s number_of_steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last step&apos;s training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per step (moving average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left at the current speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time spent training, across pauses and resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet: fill in the job and press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Starting&lt;/b&gt;: loading the model and encoding the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Queued on fal&lt;/b&gt;: queue position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Training&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Training&lt;/b&gt; %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Pausing&lt;/b&gt; at the end of this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Paused&lt;/b&gt; at step %1: the trainer holds its state; Resume continues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopping&lt;/b&gt;: asking fal to cancel the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopping&lt;/b&gt;: finishing the step and writing a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopped&lt;/b&gt; at step %1: cancelled on fal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopped&lt;/b&gt; at step %1. Its checkpoint lets Runs → Resume continue it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Finished&lt;/b&gt;: %n step(s) trained.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Failed&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no loss reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s/step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::RunTableModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remote (fal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run stopped without saying so (the studio or the machine quit): resume it from its newest checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::RunsPage</name>
    <message>
        <source>Choose Runs Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt; (faint: every step; solid: moving average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Settings&lt;/b&gt; that differ between the selected runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sume Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Run Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose Runs Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log Scale Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;All Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One run stopped when the studio or the machine quit. Select it and press Resume to continue from its newest checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs stopped when the studio or the machine quit. Select one and press Resume to continue it from its newest checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading loss curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Runs Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::SecretStore</name>
    <message>
        <source>The keychain service did not answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::SetAcknowledgedCommand</name>
    <message numerus="yes">
        <source>Hide %n issue(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n hidden issue(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa3::ui::SetCaptionCommand</name>
    <message>
        <source>Edit caption of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::SetExcludedCommand</name>
    <message numerus="yes">
        <source>Exclude %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Include %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa3::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with one subfolder per model id, in Hugging Face repo layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;fal API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hugging Face token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the environment variable %1; unset it to edit here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain service is running&lt;/b&gt; (%1). Secrets are kept for this session only and are never written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::SpectrogramView</name>
    <message>
        <source>Spectrogram</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::StatsPanel</name>
    <message>
        <source>Clips:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s), %1 excluded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in total, %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>medium (380 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small-music (120 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small-sfx (120 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model you will train: clips longer than its native length get cropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for &amp;model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an issue to select its clip; hide harmless warnings with Ctrl+H.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n hidden)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa3::ui::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this job; nothing already saved is lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::TrainingForm</name>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-encode latents and text embeddings once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium-base — 1.4 B, up to 380 s, best quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small-music-base — fast, music up to 120 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small-sfx-base — fast, sound effects up to 120 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lora — classic low-rank update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dora — low-rank update with learned magnitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dora-rows — DoRA, magnitude per output row (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dora-cols — DoRA, magnitude per input column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bora — magnitude per row and column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lora-xs — tiny trainable core, rank ≤ 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dora-rows-xs — tiny DoRA rows, rank ≤ 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dora-cols-xs — tiny DoRA columns, rank ≤ 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bora-xs — tiny BoRA, rank ≤ 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core: per-block attention and feed-forward only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one pattern per line, e.g. layers.[0-11].self_attn (empty: everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one pattern per line (empty: nothing excluded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a LoRA .safetensors URL or path to continue from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base model to train on. A LoRA trained on X-base is auditioned on X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer steps, 1–20000 (fal default 1000). Cost on fal: $3.00 per 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW learning rate in scientific notation, e.g. 1e-4 (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adapter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the weights are adapted; dora-rows is the default recipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapter rank, 1–256 (default 16; at most 17 for -xs adapters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of audio per example; auto uses the longest clip, capped at the model&apos;s native length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per step, 1–64 (default 1). fal charges more for larger batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed for data order and noise (default 42).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision of the frozen base weights (default bf16). On CPU fp16 weights compute in fp32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sco&amp;pe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which modules get adapters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module-name substrings to adapt; [a-b] expands ranges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module-name substrings never adapted; exclude wins over include.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;LoRA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from an existing LoRA instead of zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encode every clip once before training: faster steps, more disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trigger word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepended to demo prompts; use the word your captions start with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check&amp;point every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between checkpoints; a stopped run resumes from the newest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;mos every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between demo renders of the prompts below (plus one at step 0), heard on the Audition page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one prompt per line (empty: no demos)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo pr&amp;ompts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts rendered with the adapter as it trains, always with the same seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one prompt per line (empty: no demos), e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (longest clip: %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::TrainingPage</name>
    <message>
        <source>&amp;Local (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remote (fal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Job &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;CLI Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the job in a new run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the trainer at the end of the current step, its state in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the paused run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the current step, write a checkpoint and end the run (Runs → Resume continues it); a run on fal is cancelled there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote training needs a fal API key: set FAL_KEY or add it in File → Settings (Ctrl+,).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on fal&apos;s stable-audio-3-trainer; the dataset is uploaded as a zip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the fields marked in red before starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset on the Dataset page before starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote training is not available in this build yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local training is not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training started in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is training; stop it before continuing another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trainer is available to continue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n step(s) trained.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training cancelled on fal at step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped at step %1; Runs → Resume continues it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset: open one on the Dataset page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job JSON copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLI command copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “%1” saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “%1” loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix the fields marked in red first.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) on %1 with a %2 adapter of rank %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>fal cost: &lt;b&gt;$%1&lt;/b&gt; ($3.00 per 1000 steps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size %1: fal charges a surcharge for batches above 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local training costs nothing; the time per step depends on this machine (CUDA when present, else CPU).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sa3::ui::WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
