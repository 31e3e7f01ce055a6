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
    <name>sa3::ui::WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
